import os from 'node:os';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_INDEXED = 3;
/** zlib stream header: deflate, 32 KiB window, fastest-level hint (a multiple of 31). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);
/** An empty final deflate block (fixed Huffman): ends the stream after the flushed bands. */
const DEFLATE_FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** Rows are compressed in bands of about this many packed bytes, each cached by content. */
const BAND_BYTES = 32 * 1024;
/**
 * Level 1 compresses a board of flat areas and dithered patches about as well as level 6
 * (a few per cent bigger) in well under half the time.
 */
const DEFAULT_LEVEL = 1;
const CACHED_LAYOUTS = 4;

/** Fewest bits per pixel (1, 2, 4 or 8) that can index a palette of this size. */
export function bitDepthFor(paletteSize: number): 1 | 2 | 4 | 8 {
  if (paletteSize <= 2) return 1;
  if (paletteSize <= 4) return 2;
  if (paletteSize <= 16) return 4;
  return 8;
}

/**
 * Encodes palette indices as an indexed-colour PNG: no quantisation, a few bits a pixel.
 * The image is compressed in bands of rows, each an independent flushed deflate segment;
 * a band whose pixels equal those of the last image of the same size is not packed or
 * compressed again, so re-rendering a board after a few paid pixels costs a compare of the
 * board and the deflate of the bands that changed. Bands are read synchronously (later board
 * writes cannot leak in); the deflates run on libuv's thread pool, off the event loop.
 */
export async function encodeIndexedPng(
  indices: Uint8Array,
  width: number,
  height: number,
  palette: readonly string[],
  compressionLevel = DEFAULT_LEVEL,
): Promise<Buffer> {
  const bitDepth = bitDepthFor(palette.length);
  const rowBytes = Math.ceil((width * bitDepth) / 8);
  const rowsPerBand = Math.max(1, Math.floor(BAND_BYTES / (rowBytes + 1)));
  const cache = bandCache(`${width}x${height}/${bitDepth}/${compressionLevel}`);
  const bands: Array<Band | Promise<Band>> = [];
  for (let y0 = 0, i = 0; y0 < height; y0 += rowsPerBand, i++) {
    const rows = Math.min(rowsPerBand, height - y0);
    const source = indices.subarray(y0 * width, (y0 + rows) * width);
    const cached = cache[i];
    if (cached && Buffer.compare(cached.source, source) === 0) {
      bands.push(cached);
      continue;
    }
    const copy = source.slice();
    const { packed, adler } = packScanlines(copy, width, rows, bitDepth);
    bands.push(
      deflateRaw(packed, {
        level: compressionLevel,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      }).then((deflated) => (cache[i] = { source: copy, deflated, adler, length: packed.length })),
    );
  }
  const done = await Promise.all(bands);
  let adler = 1;
  for (const band of done) adler = adler32Combine(adler, band.adler, band.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler >>> 0);
  const idat = Buffer.concat([
    ZLIB_HEADER,
    ...done.map((band) => band.deflated),
    DEFLATE_FINAL_EMPTY_BLOCK,
    trailer,
  ]);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header(width, height, bitDepth)),
    chunk('PLTE', paletteBytes(palette)),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Band {
  /** The band's palette indices, as last compressed. */
  source: Uint8Array;
  deflated: Buffer;
  /** Adler-32 of the band's packed scanlines, and their length. */
  adler: number;
  length: number;
}

const bandCaches = new Map<string, Band[]>();

/** The bands of the last image of one size and depth (a few sizes at once: board, previews). */
function bandCache(key: string): Band[] {
  let bands = bandCaches.get(key);
  if (!bands) {
    if (bandCaches.size >= CACHED_LAYOUTS) bandCaches.delete(bandCaches.keys().next().value!);
    bands = [];
    bandCaches.set(key, bands);
  }
  return bands;
}

/** The PNG scanlines of `indices` (filter byte 0, then the packed row) and their Adler-32. */
function packScanlines(
  indices: Uint8Array,
  width: number,
  height: number,
  bitDepth: number,
): { packed: Buffer; adler: number } {
  if (bitDepth === 4 && width % 4 === 0 && indices.byteOffset % 4 === 0 && LITTLE_ENDIAN)
    return packScanlines4(indices, width, height);
  const pixelsPerByte = 8 / bitDepth;
  const rowBytes = Math.ceil(width / pixelsPerByte);
  const out = Buffer.alloc((rowBytes + 1) * height); // each row: filter byte 0 (None), then data
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1) + 1;
    const source = y * width;
    if (bitDepth === 8) {
      out.set(indices.subarray(source, source + width), rowStart);
    } else if (bitDepth === 4) {
      const pairs = width >> 1;
      for (let x = 0; x < pairs; x++) {
        out[rowStart + x] = (indices[source + 2 * x] << 4) | indices[source + 2 * x + 1];
      }
      if (width & 1) out[rowStart + pairs] = indices[source + width - 1] << 4;
    } else {
      for (let x = 0; x < width; x++) {
        const shift = 8 - bitDepth * ((x % pixelsPerByte) + 1);
        out[rowStart + Math.floor(x / pixelsPerByte)] |= indices[source + x] << shift;
      }
    }
  }
  return { packed: out, adler: adler32(out) };
}

const LITTLE_ENDIAN = os.endianness() === 'LE';

/**
 * The usual case (16 colours, a width divisible by 4): four pixels read as one 32-bit word
 * make two bytes, and the Adler-32 is summed in the same pass (one walk over the band, not
 * two). About half the time of packing byte by byte and summing after.
 */
function packScanlines4(
  indices: Uint8Array,
  width: number,
  height: number,
): { packed: Buffer; adler: number } {
  const words = new Uint32Array(indices.buffer, indices.byteOffset, (width * height) >> 2);
  const quadsPerRow = width >> 2;
  const out = Buffer.allocUnsafe(((width >> 1) + 1) * height);
  let a = 1;
  let b = 0;
  let o = 0;
  let w = 0;
  for (let y = 0; y < height; y++) {
    out[o++] = 0; // filter: None
    b += a;
    for (let x = 0; x < quadsPerRow; x++) {
      const quad = words[w++]; // pixels p0..p3, p0 in the low byte
      const first = ((quad & 0x0f) << 4) | ((quad >>> 8) & 0x0f);
      const second = ((quad >>> 12) & 0xf0) | ((quad >>> 24) & 0x0f);
      out[o++] = first;
      out[o++] = second;
      a += first;
      b += a;
      a += second;
      b += a;
    }
    // Reduced once a row: the sums of a row of any real width stay exact in a double.
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return { packed: out, adler: ((b << 16) | a) >>> 0 };
}

const ADLER_MOD = 65_521;
/** Bytes that can be summed before the running sums must be reduced (zlib's NMAX). */
const ADLER_NMAX = 5552;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + ADLER_NMAX);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** Adler-32 of A followed by B, from theirs and B's length (zlib's adler32_combine). */
function adler32Combine(adlerA: number, adlerB: number, lengthB: number): number {
  const rem = lengthB % ADLER_MOD;
  let sum1 = adlerA & 0xffff;
  let sum2 = (rem * sum1) % ADLER_MOD;
  sum1 += (adlerB & 0xffff) + ADLER_MOD - 1;
  sum2 += ((adlerA >>> 16) & 0xffff) + ((adlerB >>> 16) & 0xffff) + ADLER_MOD - rem;
  if (sum1 >= ADLER_MOD) sum1 -= ADLER_MOD;
  if (sum1 >= ADLER_MOD) sum1 -= ADLER_MOD;
  if (sum2 >= ADLER_MOD << 1) sum2 -= ADLER_MOD << 1;
  if (sum2 >= ADLER_MOD) sum2 -= ADLER_MOD;
  return ((sum2 << 16) | sum1) >>> 0;
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

/** CRC-32 as PNG chunks use it (zlib's, in C). */
function crc32(bytes: Uint8Array): number {
  return zlib.crc32(bytes);
}
