import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE } from '../../protocol/settings';
import { bitDepthFor, encodeIndexedPng } from './indexed-png';

async function decodeRgb(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The IDAT stream inflated by zlib, which checks its Adler-32 (throws when it is wrong). */
function inflateIdat(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return zlib.inflateSync(Buffer.concat(parts));
}

describe('encodeIndexedPng', () => {
  it.each([
    [36, 3], // 4-bit rows read four pixels at a time
    [38, 3], // 4-bit rows packed pixel by pixel (width not a multiple of 4)
  ])('writes %ix%i 4-bit scanlines and their zlib checksum', async (width, height) => {
    const indices = Uint8Array.from({ length: width * height }, (_, i) => (i * 11) % 16);
    const raw = inflateIdat(await encodeIndexedPng(indices, width, height, DEFAULT_PALETTE, 6));
    const rowBytes = Math.ceil(width / 2);
    expect(raw.length).toBe((rowBytes + 1) * height);
    for (let y = 0; y < height; y++) {
      expect(raw[y * (rowBytes + 1)]).toBe(0);
      for (let x = 0; x < width; x++) {
        const byte = raw[y * (rowBytes + 1) + 1 + (x >> 1)];
        expect(x % 2 === 0 ? byte >> 4 : byte & 0x0f).toBe(indices[y * width + x]);
      }
    }
  });

  it.each([2, 4, 16, 256])('round-trips every colour of a %i-colour palette', async (size) => {
    const palette = Array.from(
      { length: size },
      (_, i) =>
        `#${[i, 255 - i, (i * 7) % 256].map((v) => v.toString(16).padStart(2, '0')).join('')}`,
    );
    const width = 37; // not a multiple of the pixels per byte: exercises row padding
    const height = 5;
    const indices = Uint8Array.from({ length: width * height }, (_, i) => (i * 13) % size);
    const decoded = await decodeRgb(await encodeIndexedPng(indices, width, height, palette));
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    for (let i = 0; i < indices.length; i++) {
      const hex =
        '#' +
        [...decoded.data.subarray(i * 3, i * 3 + 3)]
          .map((v) => v.toString(16).padStart(2, '0'))
          .join('');
      expect(hex).toBe(palette[indices[i]]);
    }
  });

  it('uses the fewest bits per pixel the palette allows', () => {
    expect([2, 3, 4, 5, 16, 17, 256].map(bitDepthFor)).toEqual([1, 2, 2, 4, 4, 8, 8]);
  });

  it('renders a 1000x1000 board at 4 bits per pixel', async () => {
    const indices = new Uint8Array(1000 * 1000);
    indices[1000 * 500 + 250] = 5;
    const png = await encodeIndexedPng(indices, 1000, 1000, DEFAULT_PALETTE);
    expect(png[24]).toBe(4); // IHDR bit depth
    expect(png[25]).toBe(3); // colour type: indexed
    const decoded = await decodeRgb(png);
    const offset = (1000 * 500 + 250) * 3;
    expect([...decoded.data.subarray(offset, offset + 3)]).toEqual([0xd4, 0x36, 0x1e]);
    expect([...decoded.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('re-encodes only what changed, and the result equals a fresh encode', async () => {
    const width = 300;
    const height = 400; // several bands
    const first = Uint8Array.from({ length: width * height }, (_, i) => (i * 7) % 16);
    const pngFirst = await encodeIndexedPng(first, width, height, DEFAULT_PALETTE);
    const second = first.slice();
    second[width * 350 + 10] = (second[width * 350 + 10] + 1) % 16; // one band changes
    const pngSecond = await encodeIndexedPng(second, width, height, DEFAULT_PALETTE);
    expect(pngSecond.equals(pngFirst)).toBe(false);
    const [a, b] = [await decodeRgb(pngFirst), await decodeRgb(pngSecond)];
    const changedAt = (width * 350 + 10) * 3;
    expect(a.data.subarray(0, changedAt).equals(b.data.subarray(0, changedAt))).toBe(true);
    expect(
      a.data.subarray(changedAt, changedAt + 3).equals(b.data.subarray(changedAt, changedAt + 3)),
    ).toBe(false);
    // Back to the first board: the bytes equal the first encode's (no stale band survives).
    expect((await encodeIndexedPng(first, width, height, DEFAULT_PALETTE)).equals(pngFirst)).toBe(
      true,
    );
  });
});
