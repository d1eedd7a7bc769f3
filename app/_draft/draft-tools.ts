import type { Point } from '../_board/viewport';
import { EMPTY, type DirtyRect, type DraftModel } from './draft-model';
import { cellsPreview, type DraftLayer } from './draft-layer';
import { floodFillCells, lineCells, rectCells, type FillBounds } from './raster';

export type Tool = 'hand' | 'pencil' | 'line' | 'rect' | 'fill' | 'eraser';

export const DRAWING_TOOLS: readonly Tool[] = ['pencil', 'line', 'rect', 'fill', 'eraser'];

export interface ToolContext {
  tool(): Tool;
  color(): number;
  boardColorAt(x: number, y: number): number;
  /** The board pixels on screen: a fill stays inside them. */
  fillBounds(): FillBounds;
  maxFillPixels(): number;
  /** The draft changed in this rectangle. */
  changed(rect: DirtyRect | null): void;
  notice(text: string): void;
}

/**
 * The drawing tools on the draft, fed with board pixels: pencil and eraser strokes (one undo
 * step each), line and rectangle with a live preview, flood fill of what the visitor sees.
 */
export class DraftTools {
  private start: Point | null = null;
  private last: Point | null = null;

  constructor(
    private readonly draft: DraftModel,
    private readonly layer: DraftLayer,
    private readonly context: ToolContext,
  ) {}

  down(at: Point): void {
    const tool = this.context.tool();
    this.start = this.last = at;
    if (tool === 'pencil' || tool === 'eraser') {
      this.draft.begin();
      this.stroke(at, at);
    } else if (tool === 'fill') {
      this.fill(at);
      this.start = null;
    } else this.previewShape(at);
  }

  move(at: Point): void {
    if (!this.start || !this.last) return;
    const tool = this.context.tool();
    if (tool === 'pencil' || tool === 'eraser') this.stroke(this.last, at);
    else if (tool === 'line' || tool === 'rect') this.previewShape(at);
    this.last = at;
  }

  up(at: Point): void {
    if (!this.start) return;
    const tool = this.context.tool();
    if (tool === 'pencil' || tool === 'eraser') {
      this.stroke(this.last ?? at, at);
      this.draft.end();
      this.context.changed(null);
    } else if (tool === 'line' || tool === 'rect') {
      this.layer.setPreview(null);
      this.context.changed(this.draft.paintCells(this.shape(at), this.context.color()));
    }
    this.start = this.last = null;
  }

  /** Drops the gesture in progress (it turned into a pinch). */
  cancel(): void {
    const tool = this.context.tool();
    if (this.start && (tool === 'pencil' || tool === 'eraser')) {
      this.draft.end();
      this.context.changed(this.draft.undo());
    }
    this.layer.setPreview(null);
    this.start = this.last = null;
  }

  private stroke(from: Point, to: Point): void {
    const color = this.context.tool() === 'eraser' ? EMPTY : this.context.color();
    const rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    for (const [x, y] of lineCells(from.x, from.y, to.x, to.y)) {
      if (!this.draft.set(x, y, color)) continue;
      rect.x0 = Math.min(rect.x0, x);
      rect.y0 = Math.min(rect.y0, y);
      rect.x1 = Math.max(rect.x1, x);
      rect.y1 = Math.max(rect.y1, y);
    }
    if (rect.x1 >= rect.x0) this.context.changed(rect);
  }

  private shape(to: Point) {
    const from = this.start ?? to;
    return this.context.tool() === 'line'
      ? lineCells(from.x, from.y, to.x, to.y)
      : rectCells(from.x, from.y, to.x, to.y);
  }

  private previewShape(at: Point): void {
    this.layer.setPreview(cellsPreview(this.shape(at), this.context.color()));
  }

  private fill(at: Point): void {
    const shown = (x: number, y: number) => {
      const draft = this.draft.colors[y * this.draft.width + x];
      return draft === EMPTY ? this.context.boardColorAt(x, y) : draft;
    };
    const max = this.context.maxFillPixels();
    const result = floodFillCells(at.x, at.y, shown, this.context.fillBounds(), max);
    if (!result.ok) {
      this.context.notice(
        `That area has more than ${max.toLocaleString('en')} pixels on screen. Zoom in to fill a smaller area.`,
      );
      return;
    }
    this.context.changed(this.draft.paintCells(result.cells, this.context.color()));
  }
}
