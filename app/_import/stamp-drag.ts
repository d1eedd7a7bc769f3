import type { StageGrab } from '../_board/stage-input';
import type { Point, Size } from '../_board/viewport';
import type { DraftPreview } from '../_draft/draft-layer';
import type { Store } from '../_shared/store';

type Rect = Pick<DraftPreview, 'x' | 'y' | 'width' | 'height'>;

/** Whether a board point (fractional pixels) is on `rect`, or within `slack` pixels of it. */
export function isOnStamp(rect: Rect, at: Point, slack = 0): boolean {
  return (
    rect.width > 0 &&
    rect.height > 0 &&
    at.x >= rect.x - slack &&
    at.y >= rect.y - slack &&
    at.x < rect.x + rect.width + slack &&
    at.y < rect.y + rect.height + slack
  );
}

/**
 * Where the image's top-left corner goes when the pointer that grabbed it at board point `from`
 * is now at `to`: moved by whole pixels, so the pixel grabbed stays under the pointer, and kept
 * within the range the typed x and y fields allow (the corner on the board).
 */
export function draggedCorner(start: Point, from: Point, to: Point, board: Size): Point {
  const clamp = (value: number, size: number) => Math.min(size - 1, Math.max(0, value));
  return {
    x: clamp(start.x + Math.floor(to.x) - Math.floor(from.x), board.width),
    y: clamp(start.y + Math.floor(to.y) - Math.floor(from.y), board.height),
  };
}

/** What picking up the image being placed needs. */
export interface StampGrabContext {
  /** The image as shown (cut to the board), or null when none is being placed. */
  stamp: Rect | null;
  /** The image's top-left corner, shared with the typed x and y fields. */
  corner: Store<Point>;
  board: Size;
  /** Board point (fractional pixels) under a screen point. */
  toBoard(screen: Point): Point;
  /** How far off the image, in board pixels, a press still picks it up. */
  slack: number;
}

/**
 * Picks up the image if the press at `screen` is on it: moving the pointer moves `corner`,
 * cancelling puts it back. Null when the press is not on the image (it pans or draws instead).
 */
export function grabStamp(context: StampGrabContext, screen: Point): StageGrab | null {
  const { stamp, corner, board } = context;
  const from = context.toBoard(screen);
  if (!stamp || !isOnStamp(stamp, from, context.slack)) return null;
  const start = corner.get();
  const moveTo = (point: Point) =>
    corner.set(draggedCorner(start, from, context.toBoard(point), board));
  return { move: moveTo, drop: moveTo, cancel: () => corner.set(start) };
}
