import type { DraftPreview } from '../_draft/draft-layer';
import { DRAWING_TOOLS, type DraftTools, type Tool } from '../_draft/draft-tools';
import { grabStamp } from '../_import/stamp-drag';
import type { Store } from '../_shared/store';
import type { StageActions } from './stage-input';
import type { ViewController } from './view-controller';
import type { Point } from './viewport';

/** What pointer input on the board acts on. */
export interface StageTargets {
  view: Pick<
    ViewController,
    'board' | 'view' | 'panBy' | 'zoomBy' | 'pixelAtScreen' | 'boardPointAt'
  >;
  tool(): Tool;
  /** The draft's tools; null until a board is shown. */
  tools(): DraftTools | null;
  /** The pixel under the mouse changed (null: off the board). */
  hover(pixel: Point | null): void;
  inspect(pixel: Point): void;
  /** The image being placed and its top-left corner, while its panel is open; else null. */
  placing(): { stamp: DraftPreview | null; corner: Store<Point> } | null;
}

/** How far off the image being placed, in screen pixels, a press still picks it up. */
const GRAB_SLACK_PX = 8;

/**
 * Routes the board's pointer input (screen points, from `attachStageInput`) to what it acts on
 * in board pixels: the view pans and zooms, the image being placed is dragged, the drawing
 * tools draw, a pixel is hovered or inspected.
 */
export function routeStageInput(targets: StageTargets): StageActions {
  const { view } = targets;
  /** Runs `action` with the pixel under a screen point (clamped to the board if asked). */
  const withPixel = (point: Point, action: (at: Point) => void, clamp = false) => {
    const board = view.board;
    if (!board) return;
    let at = view.pixelAtScreen(point);
    if (!at && clamp) {
      const { x, y } = view.boardPointAt(point);
      at = {
        x: Math.min(board.width - 1, Math.max(0, Math.floor(x))),
        y: Math.min(board.height - 1, Math.max(0, Math.floor(y))),
      };
    }
    if (at) action(at);
  };
  return {
    panBy: (dx, dy) => view.panBy(dx, dy),
    zoomBy: (factor, anchor) => view.zoomBy(factor, anchor),
    hover: (point) => targets.hover(point && view.pixelAtScreen(point)),
    grab: (point) => {
      const placing = targets.placing();
      if (!view.board || !placing) return null;
      const { stamp, corner } = placing;
      const toBoard = (at: Point) => view.boardPointAt(at);
      const slack = GRAB_SLACK_PX / view.view.zoom;
      return grabStamp({ stamp, corner, board: view.board, toBoard, slack }, point);
    },
    drawing: () => DRAWING_TOOLS.includes(targets.tool()) && targets.tools() !== null,
    toolDown: (point) => withPixel(point, (at) => targets.tools()?.down(at)),
    toolMove: (point) => withPixel(point, (at) => targets.tools()?.move(at), true),
    toolUp: (point) => withPixel(point, (at) => targets.tools()?.up(at), true),
    toolCancel: () => targets.tools()?.cancel(),
    inspect: (point) => withPixel(point, (at) => targets.inspect(at)),
  };
}
