import { describe, expect, it } from 'vitest';
import type { Point } from '../_board/viewport';
import { Store } from '../_shared/store';
import { draggedCorner, grabStamp, isOnStamp } from './stamp-drag';

const BOARD = { width: 100, height: 80 };
const STAMP = { x: 10, y: 20, width: 4, height: 3 };

describe('isOnStamp', () => {
  it.each([
    [{ x: 10, y: 20 }, 0, true],
    [{ x: 13.99, y: 22.99 }, 0, true],
    [{ x: 14, y: 21 }, 0, false],
    [{ x: 9.9, y: 21 }, 0, false],
    [{ x: 9.6, y: 23.4 }, 0.5, true],
    [{ x: 15, y: 21 }, 0.5, false],
  ])('%o with slack %d: %s', (at, slack, on) => {
    expect(isOnStamp(STAMP, at, slack)).toBe(on);
  });

  it('an image cut away entirely is never hit', () => {
    expect(isOnStamp({ x: 0, y: 0, width: 0, height: 0 }, { x: 0, y: 0 }, 2)).toBe(false);
  });
});

describe('draggedCorner', () => {
  it.each([
    // The pixel grabbed stays under the pointer: whole-pixel moves, whatever the fraction.
    [
      { x: 11.9, y: 21.1 },
      { x: 31.2, y: 11.8 },
      { x: 30, y: 10 },
    ],
    [
      { x: 11.1, y: 21.9 },
      { x: 11.8, y: 21.2 },
      { x: 10, y: 20 },
    ],
    [
      { x: 11.5, y: 21.5 },
      { x: 10.5, y: 20.5 },
      { x: 9, y: 19 },
    ],
    // The corner stays where the typed fields could put it.
    [
      { x: 11.5, y: 21.5 },
      { x: -20, y: -20 },
      { x: 0, y: 0 },
    ],
    [
      { x: 11.5, y: 21.5 },
      { x: 500, y: 500 },
      { x: 99, y: 79 },
    ],
  ])('grabbed at %o, moved to %o: corner %o', (from, to, corner) => {
    expect(draggedCorner({ x: 10, y: 20 }, from, to, BOARD)).toEqual(corner);
  });
});

describe('grabStamp', () => {
  // Screen = board at zoom 2 with the board's origin at the screen's (0, 0).
  const toBoard = (point: Point) => ({ x: point.x / 2, y: point.y / 2 });
  const context = (stamp: typeof STAMP | null) => ({
    stamp,
    corner: new Store<Point>({ x: 10, y: 20 }),
    board: BOARD,
    toBoard,
    slack: 1,
  });

  it('moves the corner while dragged and leaves it where dropped', () => {
    const ctx = context(STAMP);
    const grab = grabStamp(ctx, { x: 22, y: 42 })!;
    expect(grab).not.toBeNull();
    grab.move({ x: 30, y: 42 });
    expect(ctx.corner.get()).toEqual({ x: 14, y: 20 });
    grab.drop({ x: 62, y: 82 });
    expect(ctx.corner.get()).toEqual({ x: 30, y: 40 });
  });

  it('puts it back when cancelled (a pinch began)', () => {
    const ctx = context(STAMP);
    const grab = grabStamp(ctx, { x: 22, y: 42 })!;
    grab.move({ x: 80, y: 90 });
    grab.cancel();
    expect(ctx.corner.get()).toEqual({ x: 10, y: 20 });
  });

  it('does not grab off the image, or when no image is being placed', () => {
    expect(grabStamp(context(STAMP), { x: 60, y: 60 })).toBeNull();
    expect(grabStamp(context(null), { x: 22, y: 42 })).toBeNull();
  });
});
