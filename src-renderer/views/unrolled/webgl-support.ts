export interface WebGLSupport {
  /** A WebGL context can be created (else the SVG diagram is drawn). */
  readonly ok: boolean;
  /** It renders in software (SwiftShader, llvmpipe): draw fewer, cheaper frames. */
  readonly software: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|software|softpipe/i;

/** Probe WebGL once with a throwaway context, and release it at once. */
export function probeWebGL(doc: Document = document): WebGLSupport {
  try {
    const canvas = doc.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { ok: false, software: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true, software: SOFTWARE.test(name) };
  } catch {
    return { ok: false, software: false };
  }
}

/** True when this browser can create a WebGL context. */
export function hasWebGL(doc: Document = document): boolean {
  return probeWebGL(doc).ok;
}
