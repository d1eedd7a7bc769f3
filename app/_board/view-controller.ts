import { Listeners } from '../_shared/listeners';
import { Store } from '../_shared/store';
import {
  boardTransform,
  clampView,
  fitView,
  fitZoom,
  formatViewQuery,
  panBy,
  parseViewQuery,
  pixelAt,
  screenToBoard,
  zoomAt,
  type Insets,
  type Point,
  type Size,
  type View,
} from './viewport';
import { uncoveredCentre, type ScreenRect } from './uncovered-centre';

const URL_WRITE_DELAY_MS = 300;

/**
 * Owns the current view: moves the board layer with one CSS transform per frame (no redraw),
 * keeps the view in the URL, tells the overlay when to redraw, and maps screen points to pixels.
 */
export class ViewController {
  /** The zoom, for the controls; changes at most once a frame. */
  readonly zoom = new Store({ zoom: 1, atFit: true });
  view: View = { x: 0, y: 0, zoom: 1 };
  screen: Size = { width: 1, height: 1 };
  board: Size | null = null;
  private layer: HTMLElement | null = null;
  private frame = 0;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private userMoved = false;
  private readonly changeListeners = new Listeners<[]>();
  private resizeObserver: ResizeObserver | null = null;
  private stage: HTMLElement | null = null;
  /** Room the floating bars take at the top and bottom of the stage. */
  fitInsets: Insets = { top: 0, bottom: 0 };

  /** Follows the stage element's size and moves `layer` (the board canvases). */
  attach(stage: HTMLElement, layer: HTMLElement): () => void {
    this.layer = layer;
    this.stage = stage;
    const measure = () => {
      const rect = stage.getBoundingClientRect();
      this.screen = { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
      this.fitInsets = this.insets();
      if (this.board && !this.userMoved)
        this.view = fitView(this.board, this.screen, this.fitInsets);
      this.set(this.view, false);
    };
    this.resizeObserver = new ResizeObserver(measure);
    this.resizeObserver.observe(stage);
    measure();
    return () => {
      this.resizeObserver?.disconnect();
      this.layer = null;
      this.stage = null;
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  /** The board size is known: start from the URL's view, or the whole board. */
  setBoard(board: Size): void {
    this.board = board;
    const fromUrl = parseViewQuery(window.location.search, board);
    this.userMoved = fromUrl !== null;
    this.set(fromUrl ?? fitView(board, this.screen, this.fitInsets), false);
  }

  onChange(listener: () => void): () => void {
    return this.changeListeners.add(listener);
  }

  set(view: View, byUser = true): void {
    if (!this.board) return;
    this.view = clampView(view, this.board, this.screen);
    if (byUser) {
      this.userMoved = true;
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => this.writeUrl(), URL_WRITE_DELAY_MS);
    }
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.render());
  }

  panBy(dx: number, dy: number): void {
    if (this.board) this.set(panBy(this.view, this.board, this.screen, dx, dy));
  }

  /** Zooms around a screen point (the centre by default). */
  zoomBy(factor: number, anchor?: Point): void {
    if (!this.board) return;
    const at = anchor ?? { x: this.screen.width / 2, y: this.screen.height / 2 };
    this.set(zoomAt(this.view, this.board, this.screen, factor, at));
  }

  fit(): void {
    if (this.board) this.set(fitView(this.board, this.screen, this.fitInsets));
  }

  /** Board point (fractional pixels) under a screen point. */
  boardPointAt(point: Point): Point {
    return screenToBoard(this.view, this.screen, point);
  }

  /** The board pixel under a screen point; null off the board or before a board is shown. */
  pixelAtScreen(point: Point): Point | null {
    return this.board ? pixelAt(this.view, this.screen, this.board, point) : null;
  }

  /** Where `cover` (a panel over the board) lies in the stage's coordinates; null for none. */
  coverOnStage(cover?: DOMRect): ScreenRect | null {
    const stage = this.stage?.getBoundingClientRect();
    if (!cover || !stage) return null;
    return { x: cover.x - stage.x, y: cover.y - stage.y, width: cover.width, height: cover.height };
  }

  /** The board pixel at the centre of the screen, or of the part `cover` (a panel) leaves visible. */
  centrePixel(cover?: DOMRect): Point {
    const at = this.boardPointAt(uncoveredCentre(this.screen, this.coverOnStage(cover)));
    return { x: Math.floor(at.x), y: Math.floor(at.y) };
  }

  /** Room the floating bars take, from the stage's `--fit-top` and `--fit-bottom` CSS values. */
  private insets(): Insets {
    if (!this.stage) return { top: 0, bottom: 0 };
    const style = getComputedStyle(this.stage);
    return {
      top: parseFloat(style.getPropertyValue('--fit-top')) || 0,
      bottom: parseFloat(style.getPropertyValue('--fit-bottom')) || 0,
    };
  }

  private render(): void {
    this.frame = 0;
    if (this.layer) this.layer.style.transform = boardTransform(this.view, this.screen);
    const atFit = this.board ? this.view.zoom <= fitZoom(this.board, this.screen) * 1.001 : true;
    this.zoom.set({ zoom: this.view.zoom, atFit });
    this.changeListeners.emit();
  }

  private writeUrl(): void {
    const query = formatViewQuery(this.view, window.location.search);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
  }
}
