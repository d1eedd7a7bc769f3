import { describe, expect, it } from 'vitest';
import type { Tool } from '../_draft/draft-tools';
import { KeyboardDrawing } from './keyboard-drawing';
import type { Point } from './viewport';
import { recordingDraftTools } from './recording-draft-tools';

/** Keyboard drawing on a 100x100 board filling a 1000x1000 screen at zoom 10. */
function keyboard(tool: Tool) {
  const { tools, calls } = recordingDraftTools();
  let cursor: Point | null = null;
  const drawing = new KeyboardDrawing({
    view: {
      board: { width: 100, height: 100 },
      view: { x: 50, y: 50, zoom: 10 },
      screen: { width: 1000, height: 1000 },
      panBy: (dx, dy) => calls.push(`pan ${dx},${dy}`),
      centrePixel: () => ({ x: 50, y: 50 }),
    },
    tool: () => tool,
    tools: () => tools,
    cursor: () => cursor,
    setCursor: (next) => (cursor = next),
  });
  return { drawing, calls, cursor: () => cursor };
}

describe('KeyboardDrawing', () => {
  it('starts at the centre, and the pencil paints one pixel per press', () => {
    const { drawing, calls, cursor } = keyboard('pencil');
    drawing.paintAtCursor();
    drawing.moveCursor(2, -1);
    drawing.paintAtCursor();
    expect(cursor()).toEqual({ x: 52, y: 49 });
    expect(calls).toEqual(['down 50,50', 'up 50,50', 'down 52,49', 'up 52,49']);
  });

  it('draws a line with two presses, the arrows stretching it in between', () => {
    const { drawing, calls } = keyboard('line');
    drawing.paintAtCursor();
    drawing.moveCursor(3, 0);
    drawing.paintAtCursor();
    drawing.moveCursor(1, 0);
    expect(calls).toEqual(['down 50,50', 'move 53,50', 'up 53,50']);
  });

  it('drops a half-drawn shape on Escape (once), or when another tool is chosen', () => {
    const { drawing, calls } = keyboard('rect');
    expect(drawing.cancelShape()).toBe(false);
    drawing.paintAtCursor();
    expect(drawing.cancelShape()).toBe(true);
    expect(drawing.cancelShape()).toBe(false);
    drawing.paintAtCursor();
    drawing.forgetShape();
    drawing.moveCursor(1, 1);
    expect(calls).toEqual(['down 50,50', 'cancel', 'down 50,50']);
  });

  it('keeps the cursor on the board and pans when it nears the edge of the screen', () => {
    const { drawing, calls, cursor } = keyboard('pencil');
    drawing.moveCursor(-60, 0);
    expect(cursor()).toEqual({ x: 0, y: 50 });
    expect(calls).toEqual(['pan 48,0']);
  });
});
