import type { Board } from './board';
import { encodeIndexedPng } from './indexed-png';

/** Social preview size (Open Graph's recommended 1.91:1). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
/** Around the region when its shape is not 1.91:1. */
const LETTERBOX_COLOR = '#1c1c21';

/** A rectangle of board pixels: top-left corner and size, inside the board. */
export interface BoardRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a preview may be asked for: a region, the page's view (centre and zoom), or nothing (the whole board). */
export interface PreviewQuery {
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  zoom?: number;
}

/**
 * The board region a query asks for, clamped inside the board. With `zoom` it is what the
 * page shows on a screen the size of the preview, centred on (x, y), as the view URL says.
 */
export function previewRegion(query: PreviewQuery, board: { width: number; height: number }) {
  const { x, y, w, h, zoom } = query;
  if (w !== undefined || h !== undefined) {
    const left = clamp(Math.floor(x ?? 0), 0, board.width - 1);
    const top = clamp(Math.floor(y ?? 0), 0, board.height - 1);
    return {
      x: left,
      y: top,
      width: clamp(w ?? board.width, 1, board.width - left),
      height: clamp(h ?? board.height, 1, board.height - top),
    };
  }
  if (zoom !== undefined) {
    const width = Math.min(board.width, Math.ceil(PREVIEW_WIDTH / zoom));
    const height = Math.min(board.height, Math.ceil(PREVIEW_HEIGHT / zoom));
    const centreX = x ?? board.width / 2;
    const centreY = y ?? board.height / 2;
    return {
      x: clamp(Math.round(centreX - width / 2), 0, board.width - width),
      y: clamp(Math.round(centreY - height / 2), 0, board.height - height),
      width,
      height,
    };
  }
  return { x: 0, y: 0, width: board.width, height: board.height };
}

/**
 * Renders `region` of the board as a PREVIEW_WIDTH x PREVIEW_HEIGHT indexed PNG: scaled by
 * nearest neighbour (by a whole factor from 2x up, so every board pixel is an equal square),
 * centred, letterboxed. Sampling straight into the output keeps the work bounded by the
 * preview size whatever the region. Pixels are read synchronously: one board state.
 */
export function renderPreviewPng(
  board: Board,
  palette: readonly string[],
  region: BoardRegion,
): Promise<Buffer> {
  const fit = Math.min(PREVIEW_WIDTH / region.width, PREVIEW_HEIGHT / region.height);
  const scale = fit >= 2 ? Math.floor(fit) : fit;
  const drawnWidth = Math.min(PREVIEW_WIDTH, Math.round(region.width * scale));
  const drawnHeight = Math.min(PREVIEW_HEIGHT, Math.round(region.height * scale));
  const left = Math.floor((PREVIEW_WIDTH - drawnWidth) / 2);
  const top = Math.floor((PREVIEW_HEIGHT - drawnHeight) / 2);
  // The letterbox colour takes the index after the palette (or reuses the first when full).
  const colors = palette.length < 256 ? [...palette, LETTERBOX_COLOR] : palette;
  const out = new Uint8Array(PREVIEW_WIDTH * PREVIEW_HEIGHT).fill(colors.length - 1);
  const sourceColumns = new Int32Array(drawnWidth);
  for (let px = 0; px < drawnWidth; px++) {
    sourceColumns[px] = region.x + Math.min(region.width - 1, Math.floor(px / scale));
  }
  for (let py = 0; py < drawnHeight; py++) {
    const sourceRow =
      (region.y + Math.min(region.height - 1, Math.floor(py / scale))) * board.width;
    const outRow = (top + py) * PREVIEW_WIDTH + left;
    for (let px = 0; px < drawnWidth; px++) {
      out[outRow + px] = board.pixels[sourceRow + sourceColumns[px]];
    }
  }
  return encodeIndexedPng(out, PREVIEW_WIDTH, PREVIEW_HEIGHT, colors);
}

function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}
