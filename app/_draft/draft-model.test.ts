import { describe, expect, it } from 'vitest';
import { DraftModel, EMPTY } from './draft-model';

describe('draft model', () => {
  it('paints, counts and lists pixels', () => {
    const draft = new DraftModel(4, 3);
    const rect = draft.paintCells(
      [
        [1, 1],
        [2, 1],
        [3, 2],
      ],
      5,
    );
    expect(rect).toEqual({ x0: 1, y0: 1, x1: 3, y1: 2 });
    expect(draft.count).toBe(3);
    expect(draft.pixels()).toEqual([
      [1, 1, 5],
      [2, 1, 5],
      [3, 2, 5],
    ]);
  });

  it('undoes and redoes whole steps (a stroke is one step)', () => {
    const draft = new DraftModel(4, 4);
    draft.begin();
    draft.set(0, 0, 1);
    draft.set(1, 0, 1);
    draft.set(0, 0, 2);
    draft.end();
    draft.paintCells([[3, 3]], 4);
    expect(draft.count).toBe(3);
    draft.undo();
    expect(draft.count).toBe(2);
    draft.undo();
    expect(draft.count).toBe(0);
    expect(draft.canUndo).toBe(false);
    draft.redo();
    expect(draft.pixels()).toEqual([
      [0, 0, 2],
      [1, 0, 1],
    ]);
    expect(draft.canRedo).toBe(true);
  });

  it('erases, and a new edit clears the redo stack', () => {
    const draft = new DraftModel(3, 3);
    draft.paintCells([[1, 1]], 3);
    draft.paintCells([[1, 1]], EMPTY);
    expect(draft.count).toBe(0);
    draft.undo();
    expect(draft.count).toBe(1);
    draft.paintCells([[0, 0]], 2);
    expect(draft.canRedo).toBe(false);
  });

  it('drops steps that change nothing and ignores pixels off the board', () => {
    const draft = new DraftModel(2, 2);
    expect(draft.paintCells([[5, 5]], 1)).toBeNull();
    draft.begin();
    draft.set(0, 0, 1);
    draft.set(0, 0, EMPTY);
    draft.end();
    expect(draft.canUndo).toBe(false);
  });

  it('loads a saved draft without history', () => {
    const draft = new DraftModel(2, 1);
    draft.load(Int16Array.from([EMPTY, 7]));
    expect(draft.count).toBe(1);
    expect(draft.canUndo).toBe(false);
  });
});
