import { describe, expect, it } from 'vitest';
import { PaletteMatcher, hexToRgb, quantizeToPalette } from './palette-quantize';
import { DEFAULT_PALETTE } from './settings';

function image(pixels: Array<[number, number, number, number]>, width: number) {
  return { width, height: pixels.length / width, data: Uint8Array.from(pixels.flat()) };
}

describe('palette quantisation', () => {
  it('maps every palette colour to itself', () => {
    const matcher = new PaletteMatcher(DEFAULT_PALETTE);
    DEFAULT_PALETTE.forEach((hex, index) => {
      const [r, g, b] = hexToRgb(hex);
      expect(matcher.nearest(r, g, b)).toBe(index);
    });
  });

  it.each([
    ['pure black', [0, 0, 0], '#222222'],
    ['pure white', [255, 255, 255], '#ffffff'],
    ['pure red', [255, 0, 0], '#d4361e'],
    ['pure blue', [0, 0, 255], '#3919d1'],
    ['mid grey', [128, 128, 128], '#888888'],
    ['dark green', [40, 160, 40], '#4aba38'],
  ])('finds the perceptually nearest colour for %s', (_label, [r, g, b], hex) => {
    const matcher = new PaletteMatcher(DEFAULT_PALETTE);
    expect(DEFAULT_PALETTE[matcher.nearest(r, g, b)]).toBe(hex);
  });

  it('marks transparent pixels -1', () => {
    const result = quantizeToPalette(
      image(
        [
          [255, 0, 0, 0],
          [255, 0, 0, 255],
        ],
        2,
      ),
      DEFAULT_PALETTE,
      { dither: false },
    );
    expect([...result]).toEqual([-1, 5]);
  });

  it('dithering a flat mid-tone mixes neighbouring palette colours', () => {
    // Between white (#ffffff) and light grey (#e4e4e4): a flat area should mix both.
    const flat = image(
      Array.from({ length: 64 }, () => [242, 242, 242, 255]),
      8,
    );
    const plain = quantizeToPalette(flat, DEFAULT_PALETTE, { dither: false });
    const dithered = quantizeToPalette(flat, DEFAULT_PALETTE, { dither: true });
    expect(new Set(plain).size).toBe(1);
    expect(new Set(dithered)).toEqual(new Set([0, 1]));
  });

  it('dithering keeps exact palette colours unchanged', () => {
    const exact = image(
      DEFAULT_PALETTE.map((hex) => [...hexToRgb(hex), 255] as [number, number, number, number]),
      4,
    );
    const result = quantizeToPalette(exact, DEFAULT_PALETTE, { dither: true });
    expect([...result]).toEqual(DEFAULT_PALETTE.map((_hex, index) => index));
  });
});
