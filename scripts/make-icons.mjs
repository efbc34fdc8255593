#!/usr/bin/env node
// Draws the add-in's icons (a segment of three contacts on BC teal) as PNG files in assets/.
// Run once when the design changes; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const r = 0.18;
    const inRounded = (() => {
      const cx = Math.min(Math.max(u, r), 1 - r);
      const cy = Math.min(Math.max(v, r), 1 - r);
      return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
    })();
    if (!inRounded) return [0, 0, 0, 0];
    const heads = [
      [0.3, 0.38],
      [0.5, 0.3],
      [0.7, 0.38],
    ];
    for (const [hx, hy] of heads) {
      if ((u - hx) ** 2 + (v - hy) ** 2 <= 0.075 ** 2) return [255, 255, 255, 255];
      if (
        v > hy + 0.1 &&
        v < hy + 0.34 &&
        Math.abs(u - hx) < 0.11 - (v - hy - 0.1) * 0.05 &&
        (u - hx) ** 2 + ((v - hy - 0.3) * 0.6) ** 2 < 0.02
      )
        return [255, 255, 255, 255];
    }
    return [0, 128, 128, 255];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(px(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../assets/', import.meta.url), { recursive: true });
for (const s of [16, 32, 64, 80, 128]) writeFileSync(new URL(`../assets/icon-${s}.png`, import.meta.url), icon(s));
console.log('icons written');
