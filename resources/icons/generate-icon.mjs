/**
 * Draws the RNN Lab icon (resources/icons/icon.png, 1024×1024, and the web app's 192 and 512 px icons in
 * src-renderer/public/icons/) without any image library:
 * three hidden-state nodes in a chain, each with a recurrent self-loop, on a rounded tile.
 * Shapes are signed-distance functions with 1-pixel anti-aliasing; the PNG is encoded with node:zlib.
 * Run: node resources/icons/generate-icon.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** The design is drawn in a 1024-unit square and sampled at each output size. */
const DESIGN = 1024;

const clamp01 = (x) => Math.min(1, Math.max(0, x));
/** Coverage of a shape at signed distance d (negative inside). */
const cover = (d) => clamp01(0.5 - d);
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, w) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
const segment = (x, y, ax, ay, bx, by, w) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const h = clamp01((px * dx + py * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - dx * h, py - dy * h) - w / 2;
};

const nodes = [256, 512, 768].map((x) => ({ x, y: 600 }));

function draw(SIZE) {
const rgba = Buffer.alloc(SIZE * SIZE * 4);
const k = DESIGN / SIZE;
/** Coverage with one output pixel of anti-aliasing, for a distance measured in design units. */
const coverAt = (d) => cover(d / k);

for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    // The centre of the design square an output pixel covers (the 1024 px icon samples the design exactly).
    const x = px * k + (k - 1) / 2, y = py * k + (k - 1) / 2;
    // Tile: deep blue with a vertical gradient.
    const t = y / DESIGN;
    let r = 17 + 20 * t, g = 32 + 30 * t, b = 64 + 50 * t;
    const tile = coverAt(roundedBox(x, y, 512, 512, 472, 472, 180));
    const paint = (a, cr, cg, cb) => {
      r += (cr - r) * a; g += (cg - g) * a; b += (cb - b) * a;
    };
    // Connections h_{t-1} → h_t.
    for (let i = 0; i + 1 < nodes.length; i++) {
      paint(coverAt(segment(x, y, nodes[i].x, nodes[i].y, nodes[i + 1].x, nodes[i + 1].y, 34)), 120, 200, 255);
    }
    // Recurrent loops above each node (upper half of a ring).
    for (const n of nodes) {
      const loop = y < n.y - 60 ? coverAt(ring(x, y, n.x, n.y - 150, 95, 30)) : 0;
      paint(loop, 255, 190, 90);
    }
    // Nodes.
    for (const n of nodes) {
      paint(coverAt(circle(x, y, n.x, n.y, 92)), 240, 248, 255);
      paint(coverAt(circle(x, y, n.x, n.y, 56)), 52, 120, 220);
    }
    const o = (py * SIZE + px) * 4;
    rgba[o] = Math.round(r);
    rgba[o + 1] = Math.round(g);
    rgba[o + 2] = Math.round(b);
    rgba[o + 3] = Math.round(255 * tile);
  }
}
return encodePng(SIZE, rgba);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(SIZE, rgba) {
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
return png;
}

for (const [size, file] of [
  [1024, './icon.png'],
  [512, '../../src-renderer/public/icons/icon-512.png'],
  [192, '../../src-renderer/public/icons/icon-192.png'],
]) {
  const url = new URL(file, import.meta.url);
  mkdirSync(new URL('.', url), { recursive: true });
  const png = draw(size);
  writeFileSync(url, png);
  console.log(`${file}: ${size}×${size}, ${png.length} bytes`);
}
