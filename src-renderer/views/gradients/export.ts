/**
 * Charts out of the app, offline: SVG as text, PNG through a canvas, data as CSV, each handed to the user as a
 * Blob behind a download link. Charts keep their styling in attributes, so a cloned SVG stands on its own.
 */

import { t } from '../../i18n/i18n.svelte';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A raster layer (a heatmap canvas) that sits inside the chart at a position given in SVG user units. */
export interface RasterLayer {
  readonly canvas: HTMLCanvasElement;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Size of an SVG chart in user units, from its viewBox or its width/height attributes. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (vb && vb.length === 4 && vb.every(Number.isFinite)) return { width: vb[2], height: vb[3] };
  return { width: Number(svg.getAttribute('width')) || 600, height: Number(svg.getAttribute('height')) || 300 };
}

/**
 * A standalone SVG document for the chart: namespaces set, a white background, the raster layers embedded as
 * PNG data URLs behind everything else, and interactive-only parts (marked data-export="skip") removed.
 */
export function serializeSvg(svg: SVGSVGElement, layers: readonly RasterLayer[] = [], background = true): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svgSize(svg);
  // No explicit xmlns attribute: the serializer writes the SVG namespace itself (setting it too duplicates it).
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
  const doc = clone.ownerDocument;
  const first = clone.firstChild;
  if (background) {
    const bg = doc.createElementNS(SVG_NS, 'rect');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', '#ffffff');
    clone.insertBefore(bg, first);
  }
  for (const layer of layers) {
    const img = doc.createElementNS(SVG_NS, 'image');
    img.setAttribute('x', String(layer.x));
    img.setAttribute('y', String(layer.y));
    img.setAttribute('width', String(layer.width));
    img.setAttribute('height', String(layer.height));
    img.setAttribute('preserveAspectRatio', 'none');
    img.setAttribute('style', 'image-rendering:pixelated');
    img.setAttribute('href', layer.canvas.toDataURL('image/png'));
    clone.insertBefore(img, first);
  }
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** Render the chart to PNG at `scale`× its size: white, then the raster layers, then the vector overlay. */
export async function renderPng(svg: SVGSVGElement, layers: readonly RasterLayer[] = [], scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('grad.export.noCanvas'));
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = false;
  for (const l of layers) ctx.drawImage(l.canvas, l.x, l.y, l.width, l.height);
  const overlay = await loadImage(new Blob([serializeSvg(svg, [], false)], { type: 'image/svg+xml' }));
  ctx.drawImage(overlay, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('grad.export.pngFailed')))), 'image/png'),
  );
}

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(blob);
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error(t('grad.export.rasterFailed')));
    };
    img.src = url;
  });
}

/** Offer a Blob as a file download through a temporary link; nothing leaves the machine. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A filesystem-friendly name from a chart title: "Loss (train)" → "loss-train". */
export function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
