import type { OrderStatus } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { BoardConnection } from '../_board/board-connection';
import type { BoardImage } from '../_board/board-image';
import { paintOverlay } from '../_board/overlay-painter';
import { panToKeepVisible, stepCursor } from '../_board/keyboard-cursor';
import { attachStageInput } from '../_board/stage-input';
import { uncoveredArea, uncoveredCentre } from '../_board/uncovered-centre';
import { framePlacement } from '../_import/frame-placement';
import { ViewController } from '../_board/view-controller';
import { pixelAt, screenToBoard, visibleRect, type Point, type Size } from '../_board/viewport';
import { DraftEditor } from '../_draft/draft-editor';
import { DRAWING_TOOLS, type Tool } from '../_draft/draft-tools';
import { grabStamp } from '../_import/stamp-drag';
import { Store } from '../_shared/store';
import { FeedState } from '../_feed/feed-state';

export type Panel = 'none' | 'checkout' | 'import' | 'inspector' | 'feed';

export interface UiState {
  tool: Tool;
  color: number;
  /** Board pixel under the pointer. */
  hover: Point | null;
  /** Board pixel being inspected. */
  selected: Point | null;
  panel: Panel;
  notice: string | null;
  /** The short explanation for newcomers is open. */
  intro: boolean;
  /** Board pixel under the keyboard cursor (arrows move it, Enter or Space paint there). */
  cursor: Point | null;
}

export interface StageElements {
  stage: HTMLElement;
  layer: HTMLElement;
  board: HTMLCanvasElement;
  draft: HTMLCanvasElement;
  overlay: HTMLCanvasElement;
}

type OrderUpdate = { id: string; status: OrderStatus; seq?: number };
const SUMMARY_AFTER_PAINT_MS = 500;
/** How far off the image being placed, in screen pixels, a press still picks it up. */
const GRAB_SLACK_PX = 8;

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
    intro: false,
    cursor: null,
  });
  private readonly feedState = new FeedState();
  readonly feed = this.feedState.store;
  /** Top-left corner of the image being imported: typed in its panel or dragged on the board. */
  readonly stampCorner = new Store<Point>({ x: 0, y: 0 });
  readonly view = new ViewController();
  readonly connection: BoardConnection;
  readonly editor: DraftEditor;
  private elements: StageElements | null = null;
  private overlayFrame = 0;
  private paintTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly orderListeners = new Set<(update: OrderUpdate) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  /** A line or rectangle begun with the keyboard, waiting for its second corner. */
  private keyboardShape = false;

  constructor() {
    this.editor = new DraftEditor({
      tool: () => this.ui.get().tool,
      color: () => this.ui.get().color,
      fillBounds: () =>
        visibleRect(this.view.view, this.view.screen, this.view.board ?? { width: 0, height: 0 }),
      notice: (text) => this.notice(text),
      redrawOverlay: () => this.requestOverlay(),
    });
    this.connection = new BoardConnection(() => this.elements?.board ?? null, {
      boardReady: (board, settings) => this.boardReady(board, settings),
      painted: () => {
        this.paintTimer ??= setTimeout(() => {
          this.paintTimer = undefined;
          this.editor.refreshSummary();
        }, SUMMARY_AFTER_PAINT_MS);
      },
      feed: (entries) => this.feedState.add(entries),
      order: (update) => this.orderListeners.forEach((listener) => listener(update)),
      reconnected: () => {
        this.feedState.load();
        this.reconnectListeners.forEach((listener) => listener());
      },
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
    this.feedState.load();
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
      grab: (point) => {
        const { board, view } = this.view;
        if (!board || this.ui.get().panel !== 'import') return null;
        const { stamp } = this.editor;
        const toBoard = (at: Point) => this.boardPoint(at);
        const slack = GRAB_SLACK_PX / view.zoom;
        return grabStamp({ stamp, corner: this.stampCorner, board, toBoard, slack }, point);
      },
      drawing: () => DRAWING_TOOLS.includes(this.ui.get().tool) && this.editor.tools !== null,
      toolDown: (point) => this.withPixel(point, (at) => this.editor.tools?.down(at)),
      toolMove: (point) => this.withPixel(point, (at) => this.editor.tools?.move(at), true),
      toolUp: (point) => this.withPixel(point, (at) => this.editor.tools?.up(at), true),
      toolCancel: () => this.editor.tools?.cancel(),
      inspect: (point) => this.withPixel(point, (at) => this.inspect(at)),
    });
    const stopUi = this.ui.subscribe(() => this.requestOverlay());
    // The keyboard cursor shows only while the board has keyboard focus.
    const focusChanged = () => this.requestOverlay();
    elements.stage.addEventListener('focus', focusChanged);
    elements.stage.addEventListener('blur', focusChanged);
    return () => {
      elements.stage.removeEventListener('focus', focusChanged);
      elements.stage.removeEventListener('blur', focusChanged);
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
    this.editor.tools?.cancel();
    this.keyboardShape = false;
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

  /**
   * Moves keyboard focus to the next thing to use after an action closed the control that
   * had it: the Buy button after adding to the draft, the board after a purchase.
   */
  focusNext(target: 'buy' | 'stage'): void {
    const element =
      target === 'stage'
        ? this.elements?.stage
        : document.querySelector<HTMLElement>('[data-testid="buy"]');
    // After React has re-rendered (the button may just have been enabled).
    requestAnimationFrame(() => element?.focus());
  }

  /** True for the board element itself (keys typed there draw or move the view). */
  isStage(element: EventTarget | null): boolean {
    return element !== null && element === this.elements?.stage;
  }

  /** Moves the keyboard cursor; the view follows when it nears the screen's edge. */
  moveCursor(dx: number, dy: number): void {
    const board = this.view.board;
    if (!board) return;
    const cursor = stepCursor(this.ui.get().cursor ?? this.centrePixel(), dx, dy, board);
    this.ui.set({ cursor });
    const pan = panToKeepVisible(this.view.view, this.view.screen, cursor);
    if (pan.x !== 0 || pan.y !== 0) this.view.panBy(pan.x, pan.y);
    if (this.keyboardShape) this.editor.tools?.move(cursor);
  }

  /**
   * Enter or Space on the board: the tool acts at the keyboard cursor. A line or rectangle
   * takes two presses, one per end; the arrows show it in between.
   */
  paintAtCursor(): void {
    const tools = this.editor.tools;
    if (!tools || !this.view.board) return;
    const cursor = this.ui.get().cursor ?? this.centrePixel();
    this.ui.set({ cursor });
    const { tool } = this.ui.get();
    if (tool === 'line' || tool === 'rect') {
      if (this.keyboardShape) tools.up(cursor);
      else tools.down(cursor);
      this.keyboardShape = !this.keyboardShape;
    } else {
      tools.down(cursor);
      tools.up(cursor);
    }
  }

  /** Escape on the board drops a keyboard line or rectangle half drawn; false if none was. */
  cancelKeyboardShape(): boolean {
    if (!this.keyboardShape) return false;
    this.editor.tools?.cancel();
    this.keyboardShape = false;
    return true;
  }

  /**
   * Where an image of `size` board pixels goes so all of it shows beside `cover` (a panel) and
   * the bars: its top-left pixel, after the view is moved (and zoomed out if need be) to show it.
   */
  frameStamp(size: Size, cover?: DOMRect): Point {
    const { board, screen } = this.view;
    const stage = this.elements?.stage.getBoundingClientRect();
    if (!board || !stage) return this.centrePixel(cover);
    const hidden = cover
      ? { x: cover.x - stage.x, y: cover.y - stage.y, width: cover.width, height: cover.height }
      : null;
    const free = uncoveredArea(screen, hidden);
    // Below the top bar, and above the dock unless the panel already sits over it.
    const { top, bottom } = this.view.fitInsets;
    const lowest =
      hidden && free.y + free.height <= hidden.y ? free.y + free.height : screen.height - bottom;
    const y0 = Math.max(free.y, top);
    const y1 = Math.min(free.y + free.height, lowest);
    const area = { x: free.x, y: y0, width: free.width, height: Math.max(1, y1 - y0) };
    const placed = framePlacement(this.view.view, screen, board, area, size);
    this.view.set(placed.view);
    return placed.corner;
  }

  /** The board pixel at the centre of the screen, or of the part `cover` (a panel) leaves visible. */
  centrePixel(cover?: DOMRect): Point {
    const stage = this.elements?.stage.getBoundingClientRect();
    const { width, height } = cover ?? { width: 0, height: 0 };
    const hidden =
      cover && stage ? { x: cover.x - stage.x, y: cover.y - stage.y, width, height } : null;
    const at = this.boardPoint(uncoveredCentre(this.view.screen, hidden));
    return { x: Math.floor(at.x), y: Math.floor(at.y) };
  }

  private boardReady(board: BoardImage, settings: BoardSettings): void {
    const elements = this.elements;
    if (!elements) return;
    this.editor.attach(elements.draft, board, settings);
    if (this.ui.get().color >= settings.palette.length) this.ui.set({ color: 0 });
    this.view.setBoard(settings);
  }

  private pixelAtScreen(point: Point): Point | null {
    const board = this.view.board;
    return board ? pixelAt(this.view.view, this.view.screen, board, point) : null;
  }

  /** Board point (fractional pixels) under a screen point. */
  private boardPoint(point: Point): Point {
    return screenToBoard(this.view.view, this.view.screen, point);
  }

  /** Runs `action` with the board pixel under a screen point (clamped to the board if asked). */
  private withPixel(point: Point, action: (at: Point) => void, clamp = false): void {
    const board = this.view.board;
    if (!board) return;
    let at = this.pixelAtScreen(point);
    if (!at && clamp) {
      const { x, y } = this.boardPoint(point);
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
    const { elements, settings } = this;
    const layer = this.editor.layer;
    if (!elements || !settings) return;
    const ui = this.ui.get();
    const drawing = DRAWING_TOOLS.includes(ui.tool) && ui.tool !== 'eraser';
    const keyboard = DRAWING_TOOLS.includes(ui.tool) && elements.stage.matches(':focus-visible');
    paintOverlay(elements.overlay, {
      view: this.view.view,
      screen: this.view.screen,
      board: settings,
      draftAt: layer ? (x, y) => layer.shownAt(x, y) : null,
      hover: ui.hover,
      hoverColor: drawing ? settings.palette[ui.color] : null,
      selected: ui.panel === 'inspector' ? ui.selected : null,
      cursor: keyboard ? (ui.cursor ?? this.centrePixel()) : null,
    });
  }
}
