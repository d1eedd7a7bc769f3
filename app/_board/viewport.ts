/**
 * Viewport math: which part of the board the screen shows. A view is the board point at the
 * centre of the screen and a zoom in screen pixels per board pixel. Pure, no DOM.
 */

export interface View {
  /** Board x at the screen centre (fractional). */
  x: number;
  /** Board y at the screen centre (fractional). */
  y: number;
  /** Screen (CSS) pixels per board pixel. */
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The closest zoom: a board pixel this many screen pixels wide. */
export const MAX_ZOOM = 40;
/** From this zoom up, a grid outlines every board pixel. */
export const GRID_MIN_ZOOM = 10;
/** Screen margin kept around the whole board when it is fitted. */
const FIT_MARGIN = 0.94;

/** Screen space kept clear of the board when fitting it (floating bars at the top and bottom). */
export interface Insets {
  top: number;
  bottom: number;
}

const NO_INSETS: Insets = { top: 0, bottom: 0 };

/** The zoom that shows the whole board between the insets. */
export function fitZoom(board: Size, screen: Size, insets: Insets = NO_INSETS): number {
  const height = Math.max(screen.height - insets.top - insets.bottom, screen.height / 2);
  const zoom = Math.min(screen.width / board.width, height / board.height) * FIT_MARGIN;
  return Math.min(MAX_ZOOM, Math.max(zoom, 0.01));
}

/** The whole board, centred between the insets. */
export function fitView(board: Size, screen: Size, insets: Insets = NO_INSETS): View {
  const zoom = fitZoom(board, screen, insets);
  const shift = (insets.top - insets.bottom) / 2 / zoom;
  return { x: board.width / 2, y: board.height / 2 - shift, zoom };
}

/** Keeps the zoom between half the fit and MAX_ZOOM, and the centre on the board. */
export function clampView(view: View, board: Size, screen: Size): View {
  const minZoom = Math.min(fitZoom(board, screen) / 2, 1);
  const zoom = Math.min(MAX_ZOOM, Math.max(minZoom, view.zoom));
  return {
    x: Math.min(board.width, Math.max(0, view.x)),
    y: Math.min(board.height, Math.max(0, view.y)),
    zoom,
  };
}

/** Board coordinates (fractional) under a screen point. */
export function screenToBoard(view: View, screen: Size, point: Point): Point {
  return {
    x: view.x + (point.x - screen.width / 2) / view.zoom,
    y: view.y + (point.y - screen.height / 2) / view.zoom,
  };
}

/** The board pixel under a screen point, or null off the board. */
export function pixelAt(view: View, screen: Size, board: Size, point: Point): Point | null {
  const at = screenToBoard(view, screen, point);
  const x = Math.floor(at.x);
  const y = Math.floor(at.y);
  if (x < 0 || y < 0 || x >= board.width || y >= board.height) return null;
  return { x, y };
}

/** Screen position of a board point. */
export function boardToScreen(view: View, screen: Size, point: Point): Point {
  return {
    x: (point.x - view.x) * view.zoom + screen.width / 2,
    y: (point.y - view.y) * view.zoom + screen.height / 2,
  };
}

/** Zooms by `factor`, keeping the board point under `anchor` (a screen point) in place. */
export function zoomAt(view: View, board: Size, screen: Size, factor: number, anchor: Point): View {
  const before = screenToBoard(view, screen, anchor);
  const zoom = clampView({ ...view, zoom: view.zoom * factor }, board, screen).zoom;
  return clampView(
    {
      x: before.x - (anchor.x - screen.width / 2) / zoom,
      y: before.y - (anchor.y - screen.height / 2) / zoom,
      zoom,
    },
    board,
    screen,
  );
}

/** Moves the board with the pointer: a drag of (dx, dy) screen pixels. */
export function panBy(view: View, board: Size, screen: Size, dx: number, dy: number): View {
  return clampView(
    { x: view.x - dx / view.zoom, y: view.y - dy / view.zoom, zoom: view.zoom },
    board,
    screen,
  );
}

/** The CSS transform (origin top left) that puts the board canvas where the view says. */
export function boardTransform(view: View, screen: Size): string {
  const tx = screen.width / 2 - view.x * view.zoom;
  const ty = screen.height / 2 - view.y * view.zoom;
  return `translate(${tx.toFixed(2)}px, ${ty.toFixed(2)}px) scale(${view.zoom})`;
}

/** The board pixels at least partly on screen, as a half-open rectangle. */
export function visibleRect(view: View, screen: Size, board: Size) {
  const topLeft = screenToBoard(view, screen, { x: 0, y: 0 });
  const bottomRight = screenToBoard(view, screen, { x: screen.width, y: screen.height });
  return {
    x0: Math.max(0, Math.floor(topLeft.x)),
    y0: Math.max(0, Math.floor(topLeft.y)),
    x1: Math.min(board.width, Math.ceil(bottomRight.x)),
    y1: Math.min(board.height, Math.ceil(bottomRight.y)),
  };
}

/** The view in a URL query (`?x=&y=&zoom=`), or null when absent or malformed. */
export function parseViewQuery(search: string, board: Size): View | null {
  const params = new URLSearchParams(search);
  const x = Number(params.get('x'));
  const y = Number(params.get('y'));
  const zoom = Number(params.get('zoom'));
  if (!params.has('x') || !params.has('y') || !params.has('zoom')) return null;
  if (![x, y, zoom].every(Number.isFinite) || zoom <= 0) return null;
  if (x < 0 || y < 0 || x > board.width || y > board.height) return null;
  return { x, y, zoom: Math.min(MAX_ZOOM, zoom) };
}

/** Writes the view into a query string, keeping other parameters. */
export function formatViewQuery(view: View, search = ''): string {
  const params = new URLSearchParams(search);
  params.set('x', String(Math.round(view.x)));
  params.set('y', String(Math.round(view.y)));
  params.set('zoom', String(Math.round(view.zoom * 100) / 100));
  return `?${params.toString()}`;
}
