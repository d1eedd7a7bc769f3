import type { FeedEntry } from '../../protocol/feed';
import { areaView } from './area-view';
import type { ViewController } from './view-controller';

type Area = NonNullable<FeedEntry['area']>;

/** Where panels are sheets over the board (a phone, either way up). */
const SHEET_QUERY = '(max-width: 720px), (max-height: 500px)';

/**
 * Moves the view to a board rectangle (where an order painted). Asked from a panel that is a
 * sheet over the board, the panel closes first so the spot is seen; true when it did.
 */
export function showArea(
  page: { view: ViewController; openPanel(panel: 'none'): void },
  area: Area,
  { fromPanel = false } = {},
): boolean {
  const closePanel = fromPanel && window.matchMedia(SHEET_QUERY).matches;
  if (closePanel) page.openPanel('none');
  const { view } = page;
  view.set(areaView(area, view.screen, view.fitInsets));
  return closePanel;
}

/** The smallest rectangle holding these pixels, or null for none. */
export function areaOf(pixels: ReadonlyArray<{ x: number; y: number }>): Area | null {
  if (pixels.length === 0) return null;
  const xs = pixels.map((pixel) => pixel.x);
  const ys = pixels.map((pixel) => pixel.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x + 1, height: Math.max(...ys) - y + 1 };
}
