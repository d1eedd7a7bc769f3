import { boardToScreen, type Point, type Size, type View } from './viewport';

/** Screen pixels kept between the keyboard cursor and the edge of the screen. */
const EDGE_MARGIN_PX = 48;

/** The cursor moved by (dx, dy) board pixels, kept on the board. */
export function stepCursor(cursor: Point, dx: number, dy: number, board: Size): Point {
  return {
    x: Math.min(board.width - 1, Math.max(0, cursor.x + dx)),
    y: Math.min(board.height - 1, Math.max(0, cursor.y + dy)),
  };
}

/**
 * How far to pan (screen pixels, as `panBy` takes them) so the cursor's pixel stays on screen
 * with a margin: the view follows the cursor when it reaches the edge.
 */
export function panToKeepVisible(view: View, screen: Size, cursor: Point): Point {
  const margin = Math.min(EDGE_MARGIN_PX, screen.width / 4, screen.height / 4);
  const topLeft = boardToScreen(view, screen, cursor);
  const right = topLeft.x + view.zoom;
  const bottom = topLeft.y + view.zoom;
  const dx =
    topLeft.x < margin
      ? margin - topLeft.x
      : right > screen.width - margin
        ? screen.width - margin - right
        : 0;
  const dy =
    topLeft.y < margin
      ? margin - topLeft.y
      : bottom > screen.height - margin
        ? screen.height - margin - bottom
        : 0;
  return { x: dx, y: dy };
}
