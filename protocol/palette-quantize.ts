/**
 * Converts an RGBA image to palette indices, for the page's image import and for bots.
 * Pure TypeScript (no DOM, no Node APIs): colours are compared in OKLab, a perceptual space,
 * and optional Floyd–Steinberg dithering spreads each pixel's error to its neighbours.
 */

/** An RGBA image, 4 bytes a pixel, rows top to bottom (ImageData and sharp's raw output). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export interface QuantizeOptions {
  /** Floyd–Steinberg error diffusion; off gives the nearest colour for each pixel. */
  dither: boolean;
  /** Pixels with alpha below this are transparent (index -1, not painted). */
  alphaThreshold?: number;
}

/** A colour in OKLab: lightness and two opponent axes. */
type Lab = [number, number, number];

const DEFAULT_ALPHA_THRESHOLD = 128;

const SRGB_TO_LINEAR = new Float64Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  SRGB_TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function linearOf(channel: number): number {
  if (channel <= 0) return 0;
  if (channel >= 255) return 1;
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** sRGB channels (0..255, may be fractional while dithering) to OKLab. */
export function rgbToOklab(r: number, g: number, b: number): Lab {
  const lr = Number.isInteger(r) && r >= 0 && r < 256 ? SRGB_TO_LINEAR[r] : linearOf(r);
  const lg = Number.isInteger(g) && g >= 0 && g < 256 ? SRGB_TO_LINEAR[g] : linearOf(g);
  const lb = Number.isInteger(b) && b >= 0 && b < 256 ? SRGB_TO_LINEAR[b] : linearOf(b);
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** `#rrggbb` to `[r, g, b]`. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Finds the perceptually nearest palette colour; built once per palette. */
export class PaletteMatcher {
  readonly rgb: Array<[number, number, number]>;
  private readonly lab: Lab[];
  private readonly cache = new Map<number, number>();

  constructor(palette: readonly string[]) {
    this.rgb = palette.map(hexToRgb);
    this.lab = this.rgb.map(([r, g, b]) => rgbToOklab(r, g, b));
  }

  /** The index of the nearest palette colour to an sRGB colour. */
  nearest(r: number, g: number, b: number): number {
    const exact = Number.isInteger(r) && Number.isInteger(g) && Number.isInteger(b);
    const key = exact ? (r << 16) | (g << 8) | b : -1;
    if (exact) {
      const cached = this.cache.get(key);
      if (cached !== undefined) return cached;
    }
    const [L, A, B] = rgbToOklab(r, g, b);
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < this.lab.length; i++) {
      const [pl, pa, pb] = this.lab[i];
      const distance = (L - pl) ** 2 + (A - pa) ** 2 + (B - pb) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    if (exact && this.cache.size < 65_536) this.cache.set(key, best);
    return best;
  }
}

/**
 * Quantises an image to a palette. Returns one palette index per pixel, row by row, with -1
 * for transparent pixels.
 */
export function quantizeToPalette(
  image: RgbaImage,
  palette: readonly string[] | PaletteMatcher,
  options: QuantizeOptions,
): Int16Array {
  const matcher = palette instanceof PaletteMatcher ? palette : new PaletteMatcher(palette);
  const { width, height, data } = image;
  const alphaThreshold = options.alphaThreshold ?? DEFAULT_ALPHA_THRESHOLD;
  const out = new Int16Array(width * height);
  if (!options.dither) {
    for (let i = 0; i < width * height; i++) {
      const o = i * 4;
      out[i] =
        data[o + 3] < alphaThreshold ? -1 : matcher.nearest(data[o], data[o + 1], data[o + 2]);
    }
    return out;
  }
  // Working copy in floats: error from earlier pixels is added before each match.
  const work = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    work[i * 3] = data[i * 4];
    work[i * 3 + 1] = data[i * 4 + 1];
    work[i * 3 + 2] = data[i * 4 + 2];
  }
  const spread = (x: number, y: number, er: number, eg: number, eb: number, weight: number) => {
    if (x < 0 || x >= width || y >= height) return;
    const j = y * width + x;
    if (data[j * 4 + 3] < alphaThreshold) return;
    work[j * 3] += er * weight;
    work[j * 3 + 1] += eg * weight;
    work[j * 3 + 2] += eb * weight;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (data[i * 4 + 3] < alphaThreshold) {
        out[i] = -1;
        continue;
      }
      const r = clampChannel(work[i * 3]);
      const g = clampChannel(work[i * 3 + 1]);
      const b = clampChannel(work[i * 3 + 2]);
      const index = matcher.nearest(Math.round(r), Math.round(g), Math.round(b));
      out[i] = index;
      const [pr, pg, pb] = matcher.rgb[index];
      const er = r - pr;
      const eg = g - pg;
      const eb = b - pb;
      spread(x + 1, y, er, eg, eb, 7 / 16);
      spread(x - 1, y + 1, er, eg, eb, 3 / 16);
      spread(x, y + 1, er, eg, eb, 5 / 16);
      spread(x + 1, y + 1, er, eg, eb, 1 / 16);
    }
  }
  return out;
}

function clampChannel(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}
