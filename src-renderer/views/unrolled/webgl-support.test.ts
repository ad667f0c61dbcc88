import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeWebGL } from './webgl-support';

function fakeGl(renderer: string) {
  return {
    RENDERER: 0x1f01,
    getExtension: (name: string) => (name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 0x9246 } : { loseContext: () => {} }),
    getParameter: () => renderer,
  };
}

describe('probeWebGL', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports no WebGL when getContext returns null', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    expect(probeWebGL()).toEqual({ ok: false, software: false });
  });

  it('recognises a software renderer (SwiftShader) and a hardware one', () => {
    const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    spy.mockReturnValue(fakeGl('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)') as never);
    expect(probeWebGL()).toEqual({ ok: true, software: true });
    spy.mockReturnValue(fakeGl('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)') as never);
    expect(probeWebGL()).toEqual({ ok: true, software: false });
  });

  it('treats a throwing getContext as no WebGL', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(probeWebGL().ok).toBe(false);
  });
});
