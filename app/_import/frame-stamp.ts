import type { ViewController } from '../_board/view-controller';
import { uncoveredArea } from '../_board/uncovered-centre';
import type { Point, Size } from '../_board/viewport';
import { framePlacement } from './frame-placement';

/**
 * Where an image of `size` board pixels goes so all of it shows beside `cover` (a panel) and
 * the bars: its top-left pixel, after the view is moved (and zoomed out if need be) to show it.
 */
export function frameStamp(view: ViewController, size: Size, cover?: DOMRect): Point {
  const { board, screen } = view;
  if (!board) return view.centrePixel(cover);
  const hidden = view.coverOnStage(cover);
  const free = uncoveredArea(screen, hidden);
  // Below the top bar, and above the dock unless the panel already sits over it.
  const { top, bottom } = view.fitInsets;
  const lowest =
    hidden && free.y + free.height <= hidden.y ? free.y + free.height : screen.height - bottom;
  const y0 = Math.max(free.y, top);
  const y1 = Math.min(free.y + free.height, lowest);
  const area = { x: free.x, y: y0, width: free.width, height: Math.max(1, y1 - y0) };
  const placed = framePlacement(view.view, screen, board, area, size);
  view.set(placed.view);
  return placed.corner;
}
