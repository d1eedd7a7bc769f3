import type { BoardSettings } from '../../protocol/settings';
import { BoardConnection } from '../_board/board-connection';
import type { BoardImage } from '../_board/board-image';
import { attachOverlay, type BoardOverlay } from '../_board/board-overlay';
import { KeyboardDrawing } from '../_board/keyboard-drawing';
import { attachStageInput } from '../_board/stage-input';
import { routeStageInput } from '../_board/stage-routing';
import { ViewController } from '../_board/view-controller';
import { visibleRect, type Point } from '../_board/viewport';
import { DraftEditor } from '../_draft/draft-editor';
import type { Tool } from '../_draft/draft-tools';
import { FeedState } from '../_feed/feed-state';
import { Store } from '../_shared/store';

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

/**
 * One visitor's page: the live board, the view, the draft and its tools, wired together.
 * React leaves read its stores and call its actions; the pixels never pass through React.
 * Input routing (`_board/stage-routing.ts`, `keyboard-drawing.ts`), the overlay
 * (`_board/board-overlay.ts`) and checkout (`_checkout/checkout-flow.ts`) are modules of their
 * own; this class only connects them.
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
  readonly connection = new BoardConnection(() => this.elements?.board ?? null);
  readonly editor: DraftEditor = new DraftEditor({
    tool: () => this.ui.get().tool,
    color: () => this.ui.get().color,
    fillBounds: () =>
      visibleRect(this.view.view, this.view.screen, this.view.board ?? { width: 0, height: 0 }),
    notice: (text) => this.notice(text),
    redrawOverlay: () => this.overlay?.request(),
  });
  readonly keyboard = new KeyboardDrawing({
    view: this.view,
    tool: () => this.ui.get().tool,
    tools: () => this.editor.tools,
    cursor: () => this.ui.get().cursor,
    setCursor: (cursor) => this.ui.set({ cursor }),
  });
  private elements: StageElements | null = null;
  private overlay: BoardOverlay | null = null;
  private readonly unsubscribe: Array<() => void> = [];

  get settings(): BoardSettings | null {
    return this.connection.status.get().settings;
  }
  get board(): BoardImage | null {
    return this.connection.board;
  }

  start(): void {
    // The last stroke is saved when the page goes away, not lost to the save delay.
    const saveDraft = () => this.editor.saveNow();
    window.addEventListener('pagehide', saveDraft);
    this.unsubscribe.push(
      () => window.removeEventListener('pagehide', saveDraft),
      this.connection.onBoardReady((board, settings) => this.boardReady(board, settings)),
      this.connection.onPainted(() => this.editor.boardPainted()),
      this.connection.onFeed((entries) => this.feedState.add(entries)),
      this.connection.onReconnect(() => this.feedState.load()),
    );
    this.connection.start();
    this.feedState.load();
  }

  stop(): void {
    this.connection.stop();
    this.editor.stop();
    this.unsubscribe.splice(0).forEach((stop) => stop());
  }

  attachStage(elements: StageElements): () => void {
    this.elements = elements;
    const detachView = this.view.attach(elements.stage, elements.layer);
    const overlay = attachOverlay({
      canvas: elements.overlay,
      stage: elements.stage,
      view: this.view,
      settings: () => this.settings,
      layer: () => this.editor.layer,
      state: () => {
        const ui = this.ui.get();
        return { ...ui, selected: ui.panel === 'inspector' ? ui.selected : null };
      },
      onStateChange: this.ui.subscribe,
    });
    this.overlay = overlay;
    const detachInput = attachStageInput(
      elements.stage,
      routeStageInput({
        view: this.view,
        tool: () => this.ui.get().tool,
        tools: () => this.editor.tools,
        hover: (pixel) => this.ui.set({ hover: pixel }),
        inspect: (pixel) => this.inspect(pixel),
        placing: () =>
          this.ui.get().panel === 'import'
            ? { stamp: this.editor.stamp, corner: this.stampCorner }
            : null,
      }),
    );
    return () => {
      detachView();
      overlay.detach();
      detachInput();
      this.overlay = null;
      this.elements = null;
    };
  }

  setTool(tool: Tool): void {
    this.editor.tools?.cancel();
    this.keyboard.forgetShape();
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

  private boardReady(board: BoardImage, settings: BoardSettings): void {
    const elements = this.elements;
    if (!elements) return;
    this.editor.attach(elements.draft, board, settings);
    if (this.ui.get().color >= settings.palette.length) this.ui.set({ color: 0 });
    this.view.setBoard(settings);
  }
}
