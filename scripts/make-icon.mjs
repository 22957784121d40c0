#!/usr/bin/env node
// Draws Cutline's app icon once and writes it in the three forms the installers want:
// resources/icon.png (1024 px: Linux, and electron-builder's source), icon.ico (Windows:
// PNG images of 16–256 px in one ICO) and icon.icns (macOS: PNG images in ICNS chunks).
// Run again after changing the drawing; the results are committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

// A photo frame with a caption line under it: what the app is for.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">
  <rect x="64" y="64" width="896" height="896" rx="200" fill="#1b1b1d"/>
  <rect x="200" y="210" width="624" height="440" rx="36" fill="#e8e2d0"/>
  <path d="M232 618 L420 420 L540 540 L620 470 L792 618 Z" fill="#3d7ea6"/>
  <circle cx="660" cy="330" r="56" fill="#e0a33a"/>
  <rect x="200" y="712" width="624" height="44" rx="22" fill="#e8e2d0"/>
  <rect x="200" y="790" width="400" height="44" rx="22" fill="#8d8a82"/>
</svg>`;

const png = (size) => sharp(Buffer.from(SVG)).resize(size, size).png().toBuffer();

/** ICO: a directory of PNG images (Windows Vista and later read PNG entries). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** ICNS: 'icns' + total length, then chunks of type + length + PNG data. */
function icns(chunks) {
  const parts = chunks.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

writeFileSync(join(resources, 'icon.png'), await png(1024));
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
writeFileSync(
  join(resources, 'icon.ico'),
  ico(await Promise.all(icoSizes.map(async (size) => ({ size, data: await png(size) })))),
);
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
writeFileSync(
  join(resources, 'icon.icns'),
  icns(await Promise.all(icnsTypes.map(async ([type, size]) => ({ type, data: await png(size) })))),
);
console.log('resources/icon.png, icon.ico and icon.icns written.');
