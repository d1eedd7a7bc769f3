import { PaletteMatcher, quantizeToPalette } from '../../protocol/palette-quantize';
import type { DraftPreview } from '../_draft/draft-layer';

export interface StampOptions {
  /** Width on the board in pixels; the height keeps the image's proportions. */
  width: number;
  x: number;
  y: number;
  dither: boolean;
}

/** Height on the board for an image shown `width` pixels wide. */
export function stampHeight(bitmap: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((bitmap.height / bitmap.width) * width));
}

/**
 * An image scaled to its size on the board and converted to the palette, as a draft preview.
 * Parts outside the board are cut off the preview (they cannot be bought).
 */
export function imageStamp(
  bitmap: ImageBitmap,
  matcher: PaletteMatcher,
  board: { width: number; height: number },
  options: StampOptions,
): DraftPreview {
  const width = Math.max(1, Math.round(options.width));
  const height = stampHeight(bitmap, width);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  const colors = quantizeToPalette(context.getImageData(0, 0, width, height), matcher, {
    dither: options.dither,
  });
  // Cut to the board.
  const x0 = Math.max(0, options.x);
  const y0 = Math.max(0, options.y);
  const x1 = Math.min(board.width, options.x + width);
  const y1 = Math.min(board.height, options.y + height);
  const cutWidth = Math.max(0, x1 - x0);
  const cutHeight = Math.max(0, y1 - y0);
  const cut = new Int16Array(cutWidth * cutHeight);
  for (let y = 0; y < cutHeight; y++) {
    const from = (y + y0 - options.y) * width + (x0 - options.x);
    cut.set(colors.subarray(from, from + cutWidth), y * cutWidth);
  }
  return { x: x0, y: y0, width: cutWidth, height: cutHeight, colors: cut };
}
