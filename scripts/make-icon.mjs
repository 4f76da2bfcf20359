#!/usr/bin/env node
// Draws build/icon.png (512x512, RGBA) with Node built-ins only: a teal rounded
// square with a white ring (the "Kreis") and three dots on it (the people in it).
// electron-builder derives the .ico/.icns and Linux sizes from it.
// Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const pixels = Buffer.alloc(size * size * 4);
const teal = [15, 118, 110];
const white = [255, 255, 255];

/** Coverage (0..1) of a pixel by a shape given as a signed distance function, 4x4 supersampled. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits += 1;
  return hits / 16;
}

const c = size / 2;
const radius = 96; // corner radius of the square
const margin = 16;
const inSquare = (x, y) => {
  const dx = Math.max(margin + radius - x, 0, x - (size - margin - radius));
  const dy = Math.max(margin + radius - y, 0, y - (size - margin - radius));
  return dx * dx + dy * dy <= radius * radius;
};
const ring = (x, y) => {
  const d = Math.hypot(x - c, y - c);
  return d >= 132 && d <= 172;
};
const dots = [0, 1, 2].map((k) => {
  const a = -Math.PI / 2 + (k * 2 * Math.PI) / 3;
  return [c + 152 * Math.cos(a), c + 152 * Math.sin(a)];
});
const inDot = (x, y) => dots.some(([dx, dy]) => Math.hypot(x - dx, y - dy) <= 44);
const inDotBorder = (x, y) => dots.some(([dx, dy]) => Math.hypot(x - dx, y - dy) <= 58);

for (let y = 0; y < size; y += 1) {
  for (let x = 0; x < size; x += 1) {
    const square = coverage(x, y, inSquare);
    if (square === 0) continue;
    // Layers: teal square, white ring, teal gap around each dot, white dot.
    const gap = coverage(x, y, inDotBorder);
    const ringCover = coverage(x, y, ring) * (1 - gap);
    const dotCover = coverage(x, y, inDot);
    const whiteShare = Math.min(1, ringCover + dotCover);
    const offset = (y * size + x) * 4;
    for (let k = 0; k < 3; k += 1) pixels[offset + k] = Math.round(teal[k] * (1 - whiteShare) + white[k] * whiteShare);
    pixels[offset + 3] = Math.round(255 * square);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let value = n;
  for (let k = 0; k < 8; k += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});
function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`build/icon.png written (${png.length} bytes)`);
