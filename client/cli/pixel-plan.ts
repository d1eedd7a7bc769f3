import type { WirePixel } from '../../protocol/changes';
import type { TargetImage } from './target-image';

/** The board as the planner needs it. */
export interface BoardView {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * Every pixel of `target` placed at (`left`, `top`) on a board of this size, as
 * `[x, y, colour]`. Transparent pixels and pixels off the board are left out.
 */
export function placedPixels(
  target: TargetImage,
  left: number,
  top: number,
  board: { width: number; height: number },
): WirePixel[] {
  const placed: WirePixel[] = [];
  for (let ty = 0; ty < target.height && top + ty < board.height; ty++) {
    for (let tx = 0; tx < target.width && left + tx < board.width; tx++) {
      const color = target.indices[ty * target.width + tx];
      if (color >= 0) placed.push([left + tx, top + ty, color]);
    }
  }
  return placed;
}

/** The placed pixels whose board colour differs: what still has to be bought. */
export function pixelsToBuy(placed: WirePixel[], board: BoardView): WirePixel[] {
  return placed.filter(([x, y, color]) => board.pixels[y * board.width + x] !== color);
}

/** A key for a pixel position, to match pixels across lists. */
export function positionKey(x: number, y: number): number {
  return y * 65_536 + x;
}
