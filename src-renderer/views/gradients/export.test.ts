import { describe, expect, it } from 'vitest';
import { serializeSvg, slug, svgSize } from './export';

function chart(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML =
    '<svg viewBox="0 0 300 120"><g><path d="M0,0L10,10" stroke="#000"></path><text>t</text>' +
    '<rect data-export="skip" width="10" height="10"></rect></g></svg>';
  return host.querySelector('svg')!;
}

describe('SVG export', () => {
  it('produces a standalone document: namespace, size, white background, interactive parts removed', () => {
    const text = serializeSvg(chart());
    expect(text.startsWith('<?xml')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe('300');
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(root.querySelectorAll('[data-export="skip"]')).toHaveLength(0);
    expect(root.querySelector('path')?.getAttribute('d')).toBe('M0,0L10,10');
  });
  it('embeds raster layers as images behind the vector parts', () => {
    const canvas = { toDataURL: () => 'data:image/png;base64,AAAA' } as unknown as HTMLCanvasElement;
    const text = serializeSvg(chart(), [{ canvas, x: 5, y: 6, width: 100, height: 50 }]);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const img = doc.querySelector('image')!;
    expect(img.getAttribute('href')).toBe('data:image/png;base64,AAAA');
    expect(img.getAttribute('x')).toBe('5');
  });
  it('reads the chart size from the viewBox and makes file names from titles', () => {
    expect(svgSize(chart())).toEqual({ width: 300, height: 120 });
    expect(slug('Race: held-out accuracy')).toBe('race-held-out-accuracy');
  });
});
