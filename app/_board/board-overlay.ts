import type { BoardSettings } from '../../protocol/settings';
import type { DraftLayer } from '../_draft/draft-layer';
import { DRAWING_TOOLS, type Tool } from '../_draft/draft-tools';
import { paintOverlay } from './overlay-painter';
import type { ViewController } from './view-controller';
import type { Point } from './viewport';

/** What of the page's state the overlay marks. */
export interface OverlayState {
  tool: Tool;
  color: number;
  hover: Point | null;
  /** The inspected pixel, while the inspector shows it. */
  selected: Point | null;
  /** The keyboard cursor; null: the centre of the screen. */
  cursor: Point | null;
}

/** What the overlay is painted from, each read when it is painted. */
export interface OverlaySources {
  canvas: HTMLCanvasElement;
  /** The board element: the keyboard cursor shows only while it has keyboard focus. */
  stage: HTMLElement;
  view: ViewController;
  /** Null until a board is shown (nothing is painted then). */
  settings(): BoardSettings | null;
  layer(): DraftLayer | null;
  state(): OverlayState;
  /** Subscribes to changes of `state()`; returns the unsubscribe. */
  onStateChange(listener: () => void): () => void;
}

export interface BoardOverlay {
  /** Repaints on the next frame (once, however often it is asked in between). */
  request(): void;
  detach(): void;
}

/**
 * Keeps the overlay above the board current: repainted in the same frame as the view moves,
 * and on the next frame after the state it marks changes or the board gains or loses focus.
 */
export function attachOverlay(sources: OverlaySources): BoardOverlay {
  const { canvas, stage, view } = sources;
  let frame = 0;
  const paint = () => {
    const settings = sources.settings();
    if (!settings) return;
    const layer = sources.layer();
    const state = sources.state();
    const drawing = DRAWING_TOOLS.includes(state.tool);
    const keyboard = drawing && stage.matches(':focus-visible');
    paintOverlay(canvas, {
      view: view.view,
      screen: view.screen,
      board: settings,
      draftAt: layer ? (x, y) => layer.shownAt(x, y) : null,
      hover: state.hover,
      hoverColor: drawing && state.tool !== 'eraser' ? settings.palette[state.color] : null,
      selected: state.selected,
      cursor: keyboard ? (state.cursor ?? view.centrePixel()) : null,
    });
  };
  const request = () => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      paint();
    });
  };
  const stopView = view.onChange(paint);
  const stopState = sources.onStateChange(request);
  stage.addEventListener('focus', request);
  stage.addEventListener('blur', request);
  return {
    request,
    detach: () => {
      stage.removeEventListener('focus', request);
      stage.removeEventListener('blur', request);
      stopView();
      stopState();
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
