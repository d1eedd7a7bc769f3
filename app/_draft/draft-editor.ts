import type { RequestedPixel } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import type { BoardImage } from '../_board/board-image';
import type { FillBounds } from './raster';
import { Store } from '../_shared/store';
import { DraftLayer, type DraftPreview } from './draft-layer';
import { EMPTY, DraftModel, type DirtyRect } from './draft-model';
import { loadDraft, saveDraft } from './draft-storage';
import { summarizeDraft, type DraftSummary } from './draft-summary';
import { DraftTools, type Tool } from './draft-tools';
import { planOrders, type OrderPlan } from './order-split';

/** What the editor needs from the page around it. */
export interface DraftEditorHost {
  tool(): Tool;
  color(): number;
  fillBounds(): FillBounds;
  notice(text: string): void;
  /** The draft's look changed: the overlay (its outline) should be redrawn. */
  redrawOverlay(): void;
}

const SAVE_DELAY_MS = 400;
/** Live paints come in bursts: the summary is recounted once, this long after the first. */
const SUMMARY_AFTER_PAINT_MS = 500;

/**
 * The draft being edited on one board: model, layer, tools, the summary the page shows, and
 * saving to localStorage shortly after each edit.
 */
export class DraftEditor {
  readonly summary = new Store<DraftSummary>(summarizeDraft(null, null));
  draft: DraftModel | null = null;
  layer: DraftLayer | null = null;
  tools: DraftTools | null = null;
  /** The image being placed, as shown; null when none. */
  stamp: DraftPreview | null = null;
  private board: BoardImage | null = null;
  private settings: BoardSettings | null = null;
  private summaryFrame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private paintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: DraftEditorHost) {}

  /** A board is shown: restores the saved draft for it and draws it on `canvas`. */
  attach(canvas: HTMLCanvasElement, board: BoardImage, settings: BoardSettings): void {
    const draft = new DraftModel(settings.width, settings.height);
    const saved = loadDraft(settings.width, settings.height);
    if (saved) draft.load(saved);
    const layer = new DraftLayer(canvas, draft, settings.palette);
    this.draft = draft;
    this.layer = layer;
    this.board = board;
    this.settings = settings;
    this.tools = new DraftTools(draft, layer, {
      tool: () => this.host.tool(),
      color: () => this.host.color(),
      boardColorAt: (x, y) => board.colorAt(x, y),
      fillBounds: () => this.host.fillBounds(),
      maxFillPixels: () => settings.maxPixelsPerOrder,
      changed: (rect) => this.changed(rect),
      notice: (text) => this.host.notice(text),
    });
    layer.redrawAll();
    this.refreshSummary();
  }

  undo(): void {
    this.changed(this.draft?.undo() ?? null);
  }
  redo(): void {
    this.changed(this.draft?.redo() ?? null);
  }
  clear(): void {
    const draft = this.draft;
    if (draft)
      this.changed(
        draft.paintCells(
          draft.pixels().map(([x, y]) => [x, y]),
          EMPTY,
        ),
      );
  }

  /** The orders the draft needs now: pixels already right on the board are left out. */
  planOrders(): OrderPlan | null {
    const { draft, board, settings } = this;
    if (!draft || !board || !settings) return null;
    return planOrders(draft.pixels(), (x, y) => board.colorAt(x, y), settings);
  }

  /** Bought pixels leave the draft (they are on the board now); one undo step. */
  remove(pixels: RequestedPixel[]): void {
    this.changed(
      this.draft?.paintCells(
        pixels.map(({ x, y }) => [x, y]),
        EMPTY,
      ) ?? null,
    );
  }

  /** Shows (or hides) an image being placed, over the draft. */
  previewStamp(preview: DraftPreview | null): void {
    this.stamp = preview;
    this.layer?.setPreview(preview);
    this.host.redrawOverlay();
  }

  /** Adds an image to the draft, as one undo step. */
  commitStamp(preview: DraftPreview): void {
    const draft = this.draft;
    if (!draft) return;
    this.stamp = null;
    this.layer?.setPreview(null);
    draft.begin();
    for (let py = 0; py < preview.height; py++) {
      for (let px = 0; px < preview.width; px++) {
        const color = preview.colors[py * preview.width + px];
        if (color !== EMPTY) draft.set(preview.x + px, preview.y + py, color);
      }
    }
    draft.end();
    const { x, y, width, height } = preview;
    this.changed({ x0: x, y0: y, x1: x + width - 1, y1: y + height - 1 });
  }

  /** Live pixels reached the board: the summary (what is already right) is recounted soon. */
  boardPainted(): void {
    this.paintTimer ??= setTimeout(() => {
      this.paintTimer = undefined;
      this.refreshSummary();
    }, SUMMARY_AFTER_PAINT_MS);
  }

  /**
   * Writes an edit still waiting for its save delay now: the page is going away (closed,
   * reloaded, left), and a stroke made just before must be there when the board opens again.
   */
  saveNow(): void {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.save();
  }

  /** The page is done with the editor: saves what is pending and cancels its timers. */
  stop(): void {
    this.saveNow();
    clearTimeout(this.paintTimer);
    this.paintTimer = undefined;
    cancelAnimationFrame(this.summaryFrame);
    this.summaryFrame = 0;
  }

  /** Recounts what is already right on the board (after live pixels arrived). */
  refreshSummary(): void {
    this.summary.set(summarizeDraft(this.draft, this.board, this.settings));
  }

  private changed(rect: DirtyRect | null): void {
    if (rect) this.layer?.redraw(rect);
    this.host.redrawOverlay();
    if (this.summaryFrame === 0)
      this.summaryFrame = requestAnimationFrame(() => {
        this.summaryFrame = 0;
        this.refreshSummary();
      });
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  private save(): void {
    this.saveTimer = undefined;
    const { draft, settings } = this;
    if (draft && settings) saveDraft(settings.width, settings.height, draft.colors);
  }
}
