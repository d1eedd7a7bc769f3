import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_INDEXED = 3;

/** Fewest bits per pixel (1, 2, 4 or 8) that can index a palette of this size. */
export function bitDepthFor(paletteSize: number): 1 | 2 | 4 | 8 {
  if (paletteSize <= 2) return 1;
  if (paletteSize <= 4) return 2;
  if (paletteSize <= 16) return 4;
  return 8;
}

/**
 * Encodes palette indices as an indexed-colour PNG: no quantisation, a few bits a pixel.
 * Scanlines are packed synchronously (so later board writes cannot leak in); the deflate
 * runs on libuv's thread pool, off the event loop.
 */
export async function encodeIndexedPng(
  indices: Uint8Array,
  width: number,
  height: number,
  palette: readonly string[],
  compressionLevel = 6,
): Promise<Buffer> {
  const bitDepth = bitDepthFor(palette.length);
  const scanlines = packScanlines(indices, width, height, bitDepth);
  const compressed = await deflate(scanlines, { level: compressionLevel });
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header(width, height, bitDepth)),
    chunk('PLTE', paletteBytes(palette)),
    chunk('IDAT', compressed),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function packScanlines(
  indices: Uint8Array,
  width: number,
  height: number,
  bitDepth: number,
): Buffer {
  const pixelsPerByte = 8 / bitDepth;
  const rowBytes = Math.ceil(width / pixelsPerByte);
  const out = Buffer.alloc((rowBytes + 1) * height); // each row: filter byte 0 (None), then data
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1) + 1;
    const source = y * width;
    if (bitDepth === 8) {
      out.set(indices.subarray(source, source + width), rowStart);
      continue;
    }
    for (let x = 0; x < width; x++) {
      const shift = 8 - bitDepth * ((x % pixelsPerByte) + 1);
      out[rowStart + Math.floor(x / pixelsPerByte)] |= indices[source + x] << shift;
    }
  }
  return out;
}

function header(width: number, height: number, bitDepth: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = COLOR_TYPE_INDEXED;
  return ihdr; // compression, filter and interlace methods stay 0
}

function paletteBytes(palette: readonly string[]): Buffer {
  const bytes = Buffer.alloc(palette.length * 3);
  palette.forEach((hex, i) => bytes.write(hex.slice(1), i * 3, 'hex'));
  return bytes;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
