import { describe, expect, it } from 'vitest';
import { boardToScreen } from '../_board/viewport';
import { framePlacement } from './frame-placement';

const board = { width: 1000, height: 1000 };
const phone = { width: 390, height: 844 };
// The part of a phone above an import sheet, below the top bar.
const above = { x: 0, y: 84, width: 390, height: 300 };

/** The image's rectangle on the screen under the returned view. */
function onScreen(
  result: ReturnType<typeof framePlacement>,
  size: { width: number; height: number },
) {
  const topLeft = boardToScreen(result.view, phone, result.corner);
  return {
    left: topLeft.x,
    top: topLeft.y,
    right: topLeft.x + size.width * result.view.zoom,
    bottom: topLeft.y + size.height * result.view.zoom,
  };
}

describe('framePlacement', () => {
  it.each([
    ['a small image at a close zoom', { x: 500, y: 500, zoom: 4 }, { width: 40, height: 30 }],
    ['a big image zoomed out to fit', { x: 500, y: 500, zoom: 8 }, { width: 128, height: 96 }],
    ['near the board edge', { x: 10, y: 990, zoom: 6 }, { width: 60, height: 60 }],
  ])('%s lies wholly inside the free area', (_name, view, size) => {
    const result = framePlacement(view, phone, board, above, size);
    const rect = onScreen(result, size);
    expect(rect.left).toBeGreaterThanOrEqual(above.x - 1e-9);
    expect(rect.top).toBeGreaterThanOrEqual(above.y - 1e-9);
    expect(rect.right).toBeLessThanOrEqual(above.x + above.width + 1e-9);
    expect(rect.bottom).toBeLessThanOrEqual(above.y + above.height + 1e-9);
    expect(result.corner.x + size.width).toBeLessThanOrEqual(board.width);
    expect(result.corner.y + size.height).toBeLessThanOrEqual(board.height);
  });

  it('keeps the zoom when the image already fits', () => {
    const result = framePlacement({ x: 500, y: 500, zoom: 2 }, phone, board, above, {
      width: 40,
      height: 30,
    });
    expect(result.view.zoom).toBe(2);
  });
});
