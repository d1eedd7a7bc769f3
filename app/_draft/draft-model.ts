/**
 * The visitor's draft: the pixels they mean to buy, one palette index (or none) per board
 * pixel, with undo and redo. Each edit (a stroke, a shape, a fill, an import) is one undo step.
 * Pure, no DOM.
 */

/** No draft pixel here. */
export const EMPTY = -1;

/** A rectangle of board pixels an edit touched, inclusive. */
export interface DirtyRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Edit {
  at: number[];
  before: number[];
  after: number[];
}

const UNDO_LIMIT = 200;

export class DraftModel {
  /** Palette index per board pixel, EMPTY where the draft has none. */
  readonly colors: Int16Array;
  private pixelCount = 0;
  private undoStack: Edit[] = [];
  private redoStack: Edit[] = [];
  private open: Edit | null = null;
  private openBefore = new Map<number, number>();

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.colors = new Int16Array(width * height).fill(EMPTY);
  }

  get count(): number {
    return this.pixelCount;
  }
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Starts one undo step; `set` calls until `end` belong to it. */
  begin(): void {
    if (this.open) this.end();
    this.open = { at: [], before: [], after: [] };
    this.openBefore = new Map();
  }

  /** Sets one pixel (EMPTY erases) inside the open step; returns whether it changed. */
  set(x: number, y: number, color: number): boolean {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return false;
    const at = y * this.width + x;
    const before = this.colors[at];
    if (before === color) return false;
    if (!this.open) this.begin();
    if (!this.openBefore.has(at)) this.openBefore.set(at, before);
    this.write(at, color);
    return true;
  }

  /** Closes the open step; a step that changed nothing is dropped. */
  end(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    for (const [at, before] of this.openBefore) {
      if (this.colors[at] === before) continue;
      open.at.push(at);
      open.before.push(before);
      open.after.push(this.colors[at]);
    }
    this.openBefore = new Map();
    if (open.at.length === 0) return;
    this.undoStack.push(open);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Paints a list of cells in one step. Returns the rectangle touched, or null. */
  paintCells(cells: Iterable<readonly [number, number]>, color: number): DirtyRect | null {
    this.begin();
    const rect = emptyRect();
    for (const [x, y] of cells) if (this.set(x, y, color)) growRect(rect, x, y);
    this.end();
    return rect.x1 < rect.x0 ? null : rect;
  }

  /** Reverts the last step; returns the rectangle touched. */
  undo(): DirtyRect | null {
    this.end();
    const edit = this.undoStack.pop();
    if (!edit) return null;
    this.redoStack.push(edit);
    return this.replay(edit.at, edit.before);
  }

  redo(): DirtyRect | null {
    this.end();
    const edit = this.redoStack.pop();
    if (!edit) return null;
    this.undoStack.push(edit);
    return this.replay(edit.at, edit.after);
  }

  /** Every draft pixel as `[x, y, color]`, row by row. */
  pixels(): Array<[number, number, number]> {
    const out: Array<[number, number, number]> = [];
    const { colors, width } = this;
    for (let at = 0; at < colors.length; at++) {
      const color = colors[at];
      if (color !== EMPTY) out.push([at % width, Math.floor(at / width), color]);
    }
    return out;
  }

  /** Replaces the whole draft without history (loading a saved draft). */
  load(colors: Int16Array): void {
    this.colors.set(colors);
    this.pixelCount = 0;
    for (let at = 0; at < colors.length; at++) if (colors[at] !== EMPTY) this.pixelCount++;
    this.undoStack = [];
    this.redoStack = [];
  }

  private replay(at: number[], colors: number[]): DirtyRect {
    const rect = emptyRect();
    for (let i = 0; i < at.length; i++) {
      this.write(at[i], colors[i]);
      growRect(rect, at[i] % this.width, Math.floor(at[i] / this.width));
    }
    return rect;
  }

  private write(at: number, color: number): void {
    const before = this.colors[at];
    if (before === EMPTY && color !== EMPTY) this.pixelCount++;
    if (before !== EMPTY && color === EMPTY) this.pixelCount--;
    this.colors[at] = color;
  }
}

export function emptyRect(): DirtyRect {
  return { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
}

export function growRect(rect: DirtyRect, x: number, y: number): void {
  if (x < rect.x0) rect.x0 = x;
  if (x > rect.x1) rect.x1 = x;
  if (y < rect.y0) rect.y0 = y;
  if (y > rect.y1) rect.y1 = y;
}
