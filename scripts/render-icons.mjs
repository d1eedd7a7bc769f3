// Renders public/icon.svg into the PNG icons and favicon.ico that browsers and home screens
// ask for. Run by hand after changing the SVG: `node scripts/render-icons.mjs`.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const svg = readFileSync(new URL('../public/icon.svg', import.meta.url));
const png = (size) =>
  sharp(svg, { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png()
    .toBuffer();
const out = (name, data) => writeFileSync(new URL(`../public/${name}`, import.meta.url), data);

out('icon-192.png', await png(192));
out('icon-512.png', await png(512));
out('apple-touch-icon.png', await png(180));

// An ICO file is a directory of images; modern ones may simply hold PNGs.
const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map(png));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry); // width
  header.writeUInt8(size, entry + 1); // height
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(images[i].length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += images[i].length;
});
out('favicon.ico', Buffer.concat([header, ...images]));
