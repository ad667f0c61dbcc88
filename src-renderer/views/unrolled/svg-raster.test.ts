import { afterEach, describe, expect, it, vi } from 'vitest';
import { standaloneSvg, svgDataUrl, svgToPng } from './svg-raster';

const NS = 'http://www.w3.org/2000/svg';

function diagram(): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 -3 10 3');
  const text = document.createElementNS(NS, 'text');
  text.textContent = '‖∂L/∂h_t‖ “w0” <bos> & co';
  svg.append(text);
  return svg;
}

/** A 2D context that records what is drawn (jsdom has no canvas of its own). */
function fakeContext() {
  const calls: string[] = [];
  const ctx = {
    fillStyle: '',
    fillRect: (...a: number[]) => calls.push(`fillRect ${a.join(' ')} ${ctx.fillStyle}`),
    drawImage: (_img: unknown, ...a: number[]) => calls.push(`drawImage ${a.join(' ')}`),
  };
  return { ctx, calls };
}

describe('standaloneSvg', () => {
  it('writes the on-screen size and font into a copy, leaving the live diagram alone', () => {
    const svg = diagram();
    const doc = new DOMParser().parseFromString(standaloneSvg(svg, 640, 180), 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(NS);
    expect(root.getAttribute('width')).toBe('640');
    expect(root.getAttribute('height')).toBe('180');
    expect(root.getAttribute('font-family')).toMatch(/sans-serif/);
    expect(root.textContent).toBe('‖∂L/∂h_t‖ “w0” <bos> & co');
    expect(svg.hasAttribute('width')).toBe(false);
  });
});

describe('svgDataUrl', () => {
  it('encodes the whole document, non-ASCII and markup characters included, with no raw # or %', () => {
    const text = '<svg xmlns="http://www.w3.org/2000/svg"><text fill="#0a7d6e">‖∂L‖ 100%</text></svg>';
    const url = svgDataUrl(text);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const body = url.slice(url.indexOf(',') + 1);
    expect(body).not.toMatch(/[#"<>\s]/);
    expect(decodeURIComponent(body)).toBe(text);
  });
});

describe('svgToPng', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads the SVG from a data URL, paints the background, scales the image to the device pixels and returns a PNG', async () => {
    const { ctx, calls } = fakeContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    const toDataURL = vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA');
    const urls: string[] = [];
    const img = document.createElement('img');
    const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg"/>', { width: 320, height: 100.4, scale: 2, background: '#fafafa' }, async (url) => {
      urls.push(url);
      return img;
    });
    expect(png).toBe('data:image/png;base64,AAAA');
    expect(toDataURL).toHaveBeenCalledWith('image/png');
    expect(urls).toEqual([svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"/>')]);
    expect(calls).toEqual(['fillRect 0 0 640 201 #fafafa', 'drawImage 0 0 640 201']);
  });

  it('rejects when the image cannot be loaded or there is no 2D canvas', async () => {
    const size = { width: 10, height: 10, scale: 1, background: '#fff' };
    await expect(svgToPng('<svg/>', size, () => Promise.reject(new Error('bad image')))).rejects.toThrow('bad image');
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await expect(svgToPng('<svg/>', size, async () => document.createElement('img'))).rejects.toThrow(/no 2D canvas/);
  });
});
