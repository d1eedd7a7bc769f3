import sharp from 'sharp';
import type { Region } from '../../protocol/admin';
import { hexToRgb } from '../../protocol/palette-quantize';
import type { Board } from '../canvas/board';
import { emptyPixelBatch, type PixelBatch } from '../../protocol/pixel-batch';

/**
 * The pixels where `from` differs from `to`, with `to`'s colours: applied to `from`, they make
 * it `to` (inside `region` only, when given). Both boards must have the same size.
 */
export function changedPixels(from: Board, to: Board, region?: Region): PixelBatch {
  const { width } = from;
  const x0 = region?.x ?? 0;
  const y0 = region?.y ?? 0;
  const x1 = region ? region.x + region.width : width;
  const y1 = region ? region.y + region.height : from.height;
  const xs: number[] = [];
  const ys: number[] = [];
  const colors: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let i = y * width + x0, x = x0; x < x1; x++, i++) {
      if (from.pixels[i] === to.pixels[i]) continue;
      xs.push(x);
      ys.push(y);
      colors.push(to.pixels[i]);
    }
  }
  const batch = emptyPixelBatch(xs.length);
  batch.xs.set(xs);
  batch.ys.set(ys);
  batch.colors.set(colors);
  return batch;
}

// Unchanged pixels are drawn at this share of their colour over a dark ground.
const UNCHANGED_STRENGTH = 0.25;
const GROUND = [0x1b, 0x1b, 0x1f];

/**
 * A PNG of `after` highlighting what changed since `before`: changed pixels in their new
 * colour, the rest dimmed. Also answers how many pixels changed.
 */
export async function renderDiffPng(
  before: Board,
  after: Board,
  palette: readonly string[],
): Promise<{ png: Buffer; pixelCount: number }> {
  const bright = palette.map(hexToRgb);
  const dim = bright.map((rgb) =>
    rgb.map((c, k) => Math.round(c * UNCHANGED_STRENGTH + GROUND[k] * (1 - UNCHANGED_STRENGTH))),
  );
  const rgb = Buffer.alloc(after.pixels.length * 3);
  let pixelCount = 0;
  for (let i = 0; i < after.pixels.length; i++) {
    const changed = before.pixels[i] !== after.pixels[i];
    if (changed) pixelCount++;
    const color = (changed ? bright : dim)[after.pixels[i]];
    rgb[i * 3] = color[0];
    rgb[i * 3 + 1] = color[1];
    rgb[i * 3 + 2] = color[2];
  }
  const png = await sharp(rgb, { raw: { width: after.width, height: after.height, channels: 3 } })
    .png({ compressionLevel: 3 })
    .toBuffer();
  return { png, pixelCount };
}
