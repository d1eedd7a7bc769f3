import { describe, expect, it } from 'vitest';
import { panToKeepVisible, stepCursor } from './keyboard-cursor';

const board = { width: 100, height: 50 };
const screen = { width: 400, height: 400 };

describe('stepCursor', () => {
  it.each([
    [{ x: 5, y: 5 }, 1, 0, { x: 6, y: 5 }],
    [{ x: 0, y: 0 }, -1, -10, { x: 0, y: 0 }],
    [{ x: 99, y: 49 }, 10, 1, { x: 99, y: 49 }],
  ])('from %j by (%i, %i)', (cursor, dx, dy, expected) => {
    expect(stepCursor(cursor, dx, dy, board)).toEqual(expected);
  });
});

describe('panToKeepVisible', () => {
  // Zoom 10: board pixel (20, 20) at the screen centre; one pixel is 10 screen pixels.
  const view = { x: 20, y: 20, zoom: 10 };
  it('does not pan while the cursor is well inside the screen', () => {
    expect(panToKeepVisible(view, screen, { x: 21, y: 19 })).toEqual({ x: 0, y: 0 });
  });
  it('pans the board left when the cursor nears the right edge', () => {
    // Pixel 36 spans screen x 360..370; the margin ends at 352.
    expect(panToKeepVisible(view, screen, { x: 36, y: 20 })).toEqual({ x: -18, y: 0 });
  });
  it('pans the board down when the cursor nears the top edge', () => {
    // Pixel row 3 starts at screen y 30; the margin is 48.
    expect(panToKeepVisible(view, screen, { x: 20, y: 3 })).toEqual({ x: 0, y: 18 });
  });
});
