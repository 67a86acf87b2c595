// `node scripts/make-icons.mjs`: every icon size each OS wants, from resources/icon.png
// (512 px), drawn by Chromium so no image library is needed:
//   resources/icons/NxN.png   Linux (AppImage, deb) and the window icon
//   resources/icon.ico        Windows: 16–256 px, PNG-compressed entries
//   resources/icon.icns       macOS: 16–1024 px, PNG entries (1024 upscaled from the 512 source)
// The outputs are committed; re-run only when icon.png changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './native.mjs';

const resources = join(root, 'resources');
const source = readFileSync(join(resources, 'icon.png')).toString('base64');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
const pngs = new Map();
for (const size of SIZES) {
  const dataUrl = await page.evaluate(
    async ({ src, size }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${src}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(img, 0, 0, size, size);
      return canvas.toDataURL('image/png');
    },
    { src: source, size },
  );
  pngs.set(size, Buffer.from(dataUrl.split(',')[1], 'base64'));
}
await browser.close();

mkdirSync(join(resources, 'icons'), { recursive: true });
for (const [size, png] of pngs) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png);

// ICO: a directory of entries, each a whole PNG (Vista and later read these).
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * icoSizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = header.length;
icoSizes.forEach((size, i) => {
  const png = pngs.get(size);
  const at = 6 + 16 * i;
  header.writeUInt8(size === 256 ? 0 : size, at);
  header.writeUInt8(size === 256 ? 0 : size, at + 1);
  header.writeUInt16LE(1, at + 4); // colour planes
  header.writeUInt16LE(32, at + 6); // bits per pixel
  header.writeUInt32LE(png.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += png.length;
});
writeFileSync(join(resources, 'icon.ico'), Buffer.concat([header, ...icoSizes.map((s) => pngs.get(s))]));

// ICNS: 'icns' + total length, then (type, length, PNG) per size.
const icnsTypes = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];
const chunks = icnsTypes.map(([type, size]) => {
  const png = pngs.get(size);
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(png.length + 8, 4);
  return Buffer.concat([head, png]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
writeFileSync(join(resources, 'icon.icns'), Buffer.concat([icnsHead, ...chunks]));
console.log(`icons: ${SIZES.length} PNGs, icon.ico (${icoSizes.length} sizes), icon.icns (${icnsTypes.length} sizes)`);
