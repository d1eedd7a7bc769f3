import type { DraftTools, Tool } from '../_draft/draft-tools';
import { panToKeepVisible, stepCursor } from './keyboard-cursor';
import type { ViewController } from './view-controller';
import type { Point } from './viewport';

/** What drawing with the keyboard acts on. */
export interface KeyboardDrawingTargets {
  view: Pick<ViewController, 'board' | 'view' | 'screen' | 'panBy' | 'centrePixel'>;
  tool(): Tool;
  /** The draft's tools; null until a board is shown. */
  tools(): DraftTools | null;
  /** The keyboard cursor; null until it first moves (it starts at the centre of the screen). */
  cursor(): Point | null;
  setCursor(cursor: Point): void;
}

/**
 * Drawing with the keyboard on the board: the arrows move a cursor, Enter or Space make the
 * tool act there. A line or rectangle takes two presses, one per end; the arrows show it in
 * between.
 */
export class KeyboardDrawing {
  /** A line or rectangle begun with the keyboard, waiting for its second corner. */
  private shape = false;

  constructor(private readonly targets: KeyboardDrawingTargets) {}

  /** Moves the cursor; the view follows when it nears the screen's edge. */
  moveCursor(dx: number, dy: number): void {
    const { view } = this.targets;
    const board = view.board;
    if (!board) return;
    const cursor = stepCursor(this.targets.cursor() ?? view.centrePixel(), dx, dy, board);
    this.targets.setCursor(cursor);
    const pan = panToKeepVisible(view.view, view.screen, cursor);
    if (pan.x !== 0 || pan.y !== 0) view.panBy(pan.x, pan.y);
    if (this.shape) this.targets.tools()?.move(cursor);
  }

  /** Enter or Space: the tool acts at the cursor. */
  paintAtCursor(): void {
    const tools = this.targets.tools();
    const { view } = this.targets;
    if (!tools || !view.board) return;
    const cursor = this.targets.cursor() ?? view.centrePixel();
    this.targets.setCursor(cursor);
    const tool = this.targets.tool();
    if (tool === 'line' || tool === 'rect') {
      if (this.shape) tools.up(cursor);
      else tools.down(cursor);
      this.shape = !this.shape;
    } else {
      tools.down(cursor);
      tools.up(cursor);
    }
  }

  /** Escape: drops a line or rectangle half drawn; false if none was. */
  cancelShape(): boolean {
    if (!this.shape) return false;
    this.targets.tools()?.cancel();
    this.shape = false;
    return true;
  }

  /** Another tool was chosen: a shape half drawn is forgotten (its tools were cancelled). */
  forgetShape(): void {
    this.shape = false;
  }
}
