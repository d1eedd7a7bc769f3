import type { FeedEntry } from '../../protocol/feed';
import type { OrderStatus, RequestedPixel } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { BoardConnection } from '../_board/board-connection';
import type { BoardImage } from '../_board/board-image';
import { paintOverlay } from '../_board/overlay-painter';
import { attachStageInput } from '../_board/stage-input';
import { ViewController } from '../_board/view-controller';
import { pixelAt, visibleRect, type Point } from '../_board/viewport';
import { EMPTY, DraftModel, type DirtyRect } from '../_draft/draft-model';
import { DraftLayer, type DraftPreview } from '../_draft/draft-layer';
import { loadDraft, saveDraft } from '../_draft/draft-storage';
import { DRAWING_TOOLS, DraftTools, type Tool } from '../_draft/draft-tools';
import { planOrders, type OrderPlan } from '../_draft/order-split';
import { summarizeDraft, type DraftSummary } from './draft-summary';
import { Store } from './store';

export type Panel = 'none' | 'checkout' | 'import' | 'inspector';

export interface UiState {
  tool: Tool;
  color: number;
  /** Board pixel under the pointer. */
  hover: Point | null;
  /** Board pixel being inspected. */
  selected: Point | null;
  panel: Panel;
  notice: string | null;
}

export interface StageElements {
  stage: HTMLElement;
  layer: HTMLElement;
  board: HTMLCanvasElement;
  draft: HTMLCanvasElement;
  overlay: HTMLCanvasElement;
}

type OrderUpdate = { id: string; status: OrderStatus; seq?: number };
const SAVE_DELAY_MS = 400;
const SUMMARY_AFTER_PAINT_MS = 500;
const FEED_LENGTH = 12;

/**
 * One visitor's page: the live board, the view, the draft and its tools, wired together.
 * React leaves read its stores and call its actions; the pixels never pass through React.
 */
export class Session {
  readonly ui = new Store<UiState>({
    tool: 'hand',
    color: 5,
    hover: null,
    selected: null,
    panel: 'none',
    notice: null,
  });
  readonly summary = new Store<DraftSummary>(summarizeDraft(null, null));
  readonly feed = new Store<{ entries: FeedEntry[] }>({ entries: [] });
  readonly view = new ViewController();
  readonly connection: BoardConnection;
  draft: DraftModel | null = null;
  private layer: DraftLayer | null = null;
  private tools: DraftTools | null = null;
  private elements: StageElements | null = null;
  private overlayFrame = 0;
  private summaryFrame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private paintTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly orderListeners = new Set<(update: OrderUpdate) => void>();
  private readonly reconnectListeners = new Set<() => void>();

  constructor() {
    this.connection = new BoardConnection(() => this.elements?.board ?? null, {
      boardReady: (board, settings) => this.boardReady(board, settings),
      painted: () => {
        this.paintTimer ??= setTimeout(() => {
          this.paintTimer = undefined;
          this.refreshSummary();
        }, SUMMARY_AFTER_PAINT_MS);
      },
      feed: (entries) => this.addFeed(entries),
      order: (update) => this.orderListeners.forEach((listener) => listener(update)),
      reconnected: () => this.reconnectListeners.forEach((listener) => listener()),
    });
  }

  get settings(): BoardSettings | null {
    return this.connection.status.get().settings;
  }
  get board(): BoardImage | null {
    return this.connection.board;
  }

  start(): void {
    this.connection.start();
    void fetch('/api/feed', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { entries?: FeedEntry[] } | null) => {
        if (body?.entries) this.feed.set({ entries: body.entries.slice(0, FEED_LENGTH) });
      })
      .catch(() => undefined);
  }

  stop(): void {
    this.connection.stop();
  }

  attachStage(elements: StageElements): () => void {
    this.elements = elements;
    const detachView = this.view.attach(elements.stage, elements.layer);
    const stopRedraw = this.view.onChange(() => this.paintOverlayNow());
    const detachInput = attachStageInput(elements.stage, {
      panBy: (dx, dy) => this.view.panBy(dx, dy),
      zoomBy: (factor, anchor) => this.view.zoomBy(factor, anchor),
      hover: (point) => this.ui.set({ hover: point && this.pixelAtScreen(point) }),
      drawing: () => DRAWING_TOOLS.includes(this.ui.get().tool) && this.tools !== null,
      toolDown: (point) => this.withPixel(point, (at) => this.tools?.down(at)),
      toolMove: (point) => this.withPixel(point, (at) => this.tools?.move(at), true),
      toolUp: (point) => this.withPixel(point, (at) => this.tools?.up(at), true),
      toolCancel: () => this.tools?.cancel(),
      inspect: (point) => this.withPixel(point, (at) => this.inspect(at)),
    });
    const stopUi = this.ui.subscribe(() => this.requestOverlay());
    return () => {
      detachView();
      stopRedraw();
      detachInput();
      stopUi();
      this.elements = null;
    };
  }

  onOrder(listener: (update: OrderUpdate) => void): () => void {
    this.orderListeners.add(listener);
    return () => this.orderListeners.delete(listener);
  }
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  setTool(tool: Tool): void {
    this.tools?.cancel();
    this.ui.set({ tool });
  }
  setColor(color: number): void {
    const palette = this.settings?.palette.length ?? 0;
    if (color >= 0 && color < palette) this.ui.set({ color });
  }
  notice(text: string | null): void {
    this.ui.set({ notice: text });
  }
  inspect(at: Point): void {
    this.ui.set({ selected: at, panel: 'inspector' });
  }
  openPanel(panel: Panel): void {
    this.ui.set({ panel, ...(panel === 'inspector' ? {} : { selected: null }) });
  }

  undo(): void {
    this.draftChanged(this.draft?.undo() ?? null);
  }
  redo(): void {
    this.draftChanged(this.draft?.redo() ?? null);
  }
  clearDraft(): void {
    if (!this.draft) return;
    this.draftChanged(this.draft.paintCells(this.draftCells(), EMPTY));
  }

  /** The orders the draft needs now: pixels already right on the board are left out. */
  planOrders(): OrderPlan | null {
    const { draft, board, settings } = this;
    if (!draft || !board || !settings) return null;
    return planOrders(draft.pixels(), (x, y) => board.colorAt(x, y), settings);
  }

  /** Bought pixels leave the draft (they are on the board now); one undo step. */
  removeFromDraft(pixels: RequestedPixel[]): void {
    if (!this.draft) return;
    this.draftChanged(
      this.draft.paintCells(
        pixels.map(({ x, y }) => [x, y] as const),
        EMPTY,
      ),
    );
  }

  /** Shows (or hides) an image being placed, over the draft. */
  previewStamp(preview: DraftPreview | null): void {
    this.layer?.setPreview(preview);
    this.requestOverlay();
  }

  /** Adds an image to the draft, as one undo step. */
  commitStamp(preview: DraftPreview): void {
    const draft = this.draft;
    if (!draft) return;
    this.layer?.setPreview(null);
    draft.begin();
    for (let py = 0; py < preview.height; py++) {
      for (let px = 0; px < preview.width; px++) {
        const color = preview.colors[py * preview.width + px];
        if (color !== EMPTY) draft.set(preview.x + px, preview.y + py, color);
      }
    }
    draft.end();
    this.draftChanged({
      x0: preview.x,
      y0: preview.y,
      x1: preview.x + preview.width - 1,
      y1: preview.y + preview.height - 1,
    });
  }

  /** The board pixel at the centre of the screen. */
  centrePixel(): Point {
    return { x: Math.floor(this.view.view.x), y: Math.floor(this.view.view.y) };
  }

  private boardReady(board: BoardImage, settings: BoardSettings): void {
    const elements = this.elements;
    if (!elements) return;
    const draft = new DraftModel(settings.width, settings.height);
    const saved = loadDraft(settings.width, settings.height);
    if (saved) draft.load(saved);
    const layer = new DraftLayer(elements.draft, draft, settings.palette);
    this.draft = draft;
    this.layer = layer;
    this.tools = new DraftTools(draft, layer, {
      tool: () => this.ui.get().tool,
      color: () => this.ui.get().color,
      boardColorAt: (x, y) => board.colorAt(x, y),
      fillBounds: () => visibleRect(this.view.view, this.view.screen, settings),
      maxFillPixels: () => settings.maxPixelsPerOrder,
      changed: (rect) => this.draftChanged(rect),
      notice: (text) => this.notice(text),
    });
    if (this.ui.get().color >= settings.palette.length) this.ui.set({ color: 0 });
    layer.redrawAll();
    this.view.setBoard(settings);
    this.refreshSummary();
  }

  private draftChanged(rect: DirtyRect | null): void {
    if (rect) this.layer?.redraw(rect);
    this.requestOverlay();
    if (this.summaryFrame === 0)
      this.summaryFrame = requestAnimationFrame(() => {
        this.summaryFrame = 0;
        this.refreshSummary();
      });
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const { draft, settings } = this;
      if (draft && settings) saveDraft(settings.width, settings.height, draft.colors);
    }, SAVE_DELAY_MS);
  }

  private refreshSummary(): void {
    this.summary.set(summarizeDraft(this.draft, this.board, this.settings));
  }

  private draftCells(): Array<readonly [number, number]> {
    return (this.draft?.pixels() ?? []).map(([x, y]) => [x, y] as const);
  }

  private addFeed(entries: FeedEntry[]): void {
    const newestFirst = [...entries].reverse();
    const known = new Set(newestFirst.map((entry) => entry.orderId));
    const kept = this.feed.get().entries.filter((entry) => !known.has(entry.orderId));
    this.feed.set({ entries: [...newestFirst, ...kept].slice(0, FEED_LENGTH) });
  }

  private pixelAtScreen(point: Point): Point | null {
    const board = this.view.board;
    return board ? pixelAt(this.view.view, this.view.screen, board, point) : null;
  }

  /** Runs `action` with the board pixel under a screen point (clamped to the board if asked). */
  private withPixel(point: Point, action: (at: Point) => void, clamp = false): void {
    const board = this.view.board;
    if (!board) return;
    let at = this.pixelAtScreen(point);
    if (!at && clamp) {
      const raw = this.view.view;
      const x = raw.x + (point.x - this.view.screen.width / 2) / raw.zoom;
      const y = raw.y + (point.y - this.view.screen.height / 2) / raw.zoom;
      at = {
        x: Math.min(board.width - 1, Math.max(0, Math.floor(x))),
        y: Math.min(board.height - 1, Math.max(0, Math.floor(y))),
      };
    }
    if (at) action(at);
  }

  private requestOverlay(): void {
    if (this.overlayFrame !== 0) return;
    this.overlayFrame = requestAnimationFrame(() => {
      this.overlayFrame = 0;
      this.paintOverlayNow();
    });
  }

  private paintOverlayNow(): void {
    const { elements, layer, settings } = this;
    if (!elements || !settings) return;
    const ui = this.ui.get();
    const drawing = DRAWING_TOOLS.includes(ui.tool) && ui.tool !== 'eraser';
    paintOverlay(elements.overlay, {
      view: this.view.view,
      screen: this.view.screen,
      board: settings,
      draftAt: layer ? (x, y) => layer.shownAt(x, y) : null,
      hover: ui.hover,
      hoverColor: drawing ? settings.palette[ui.color] : null,
      selected: ui.panel === 'inspector' ? ui.selected : null,
    });
  }
}
