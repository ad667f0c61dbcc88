/**
 * The SVG diagram as a PNG, so the fallback's export gives the same kind of file as the WebGL view's.
 * The SVG text is loaded into an <img> from a data URL (nothing leaves the page; the CSP's img-src allows
 * data:) and drawn into an offscreen canvas; a data: SVG without foreignObject leaves the canvas readable.
 */

export interface RasterSize {
  /** Size of the image in CSS pixels (the diagram's size on screen). */
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS pixel in the PNG. */
  readonly scale: number;
  /** Painted under the diagram, so the PNG has no transparent margins. */
  readonly background: string;
}

/** Loads an image from a URL; resolves once it can be drawn. */
export type ImageLoader = (url: string) => Promise<CanvasImageSource>;

/** The font the page's stylesheet gives the diagram, written into the standalone copy. */
const FONT_FAMILY = 'system-ui, sans-serif';

/**
 * The live diagram as a standalone SVG document of width × height pixels. Outside the page no CSS sizes it
 * (an image without width and height is 300 × 150) or sets its font, so both are written into a copy.
 * XMLSerializer declares the SVG namespace itself (setting xmlns by hand would declare it twice: not XML).
 */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', FONT_FAMILY);
  return new XMLSerializer().serializeToString(copy);
}

/** An SVG document as a data URL an <img> can load. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The browser's loader: an <img> that resolves on load and rejects on error. */
export const loadImage: ImageLoader = (url) =>
  new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the diagram could not be read as an image'));
    img.src = url;
  });

/** Rasterise a standalone SVG document into a PNG data URL. */
export async function svgToPng(svg: string, size: RasterSize, load: ImageLoader = loadImage, doc: Document = document): Promise<string> {
  const img = await load(svgDataUrl(svg));
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(size.width * size.scale));
  canvas.height = Math.max(1, Math.round(size.height * size.scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas to draw the diagram into');
  ctx.fillStyle = size.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
