import { PaletteMatcher, quantizeToPalette } from '../../protocol/palette-quantize';
import type { Point, Size } from '../_board/viewport';
import type { DraftPreview } from '../_draft/draft-layer';

/** An image at its size on the board, in palette indices (EMPTY where transparent). */
export interface StampImage {
  width: number;
  height: number;
  colors: Int16Array;
}

/** Height on the board for an image shown `width` pixels wide. */
export function stampHeight(bitmap: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((bitmap.height / bitmap.width) * width));
}

/**
 * An image scaled to `width` pixels on the board (the height keeps its proportions) and
 * converted to the palette, optionally dithered. Done once per size, not per position.
 */
export function quantizeImage(
  bitmap: ImageBitmap,
  matcher: PaletteMatcher,
  options: { width: number; dither: boolean },
): StampImage {
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
  return { width, height, colors };
}

/**
 * The image with its top-left corner at `at`, as a draft preview. Parts outside the board are
 * cut off (they cannot be bought).
 */
export function placeStamp(image: StampImage, board: Size, at: Point): DraftPreview {
  const x0 = Math.max(0, at.x);
  const y0 = Math.max(0, at.y);
  const x1 = Math.min(board.width, at.x + image.width);
  const y1 = Math.min(board.height, at.y + image.height);
  const cutWidth = Math.max(0, x1 - x0);
  const cutHeight = Math.max(0, y1 - y0);
  const cut = new Int16Array(cutWidth * cutHeight);
  for (let y = 0; y < cutHeight; y++) {
    const from = (y + y0 - at.y) * image.width + (x0 - at.x);
    cut.set(image.colors.subarray(from, from + cutWidth), y * cutWidth);
  }
  return { x: x0, y: y0, width: cutWidth, height: cutHeight, colors: cut };
}
