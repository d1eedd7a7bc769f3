import { EMPTY } from '../_draft/draft-model';
import {
  GRID_MIN_ZOOM,
  boardToScreen,
  visibleRect,
  type Point,
  type Size,
  type View,
} from './viewport';

/** From this zoom up, the draft's edge is outlined so it reads as "not bought yet". */
const OUTLINE_MIN_ZOOM = 3;

export interface OverlayScene {
  view: View;
  screen: Size;
  board: Size;
  /** Draft (or preview) colour at a pixel, EMPTY where none. */
  draftAt: ((x: number, y: number) => number) | null;
  hover: Point | null;
  /** Colour of the hover marker (the selected colour while drawing), or null for a plain ring. */
  hoverColor: string | null;
  selected: Point | null;
  /** The keyboard cursor, while the board has keyboard focus and a drawing tool is chosen. */
  cursor: Point | null;
}

/**
 * Draws what sits above the board in screen pixels: the pixel grid at high zoom, the outline
 * of the draft, the pixel under the pointer and the inspected pixel. Cheap enough to redraw
 * every frame of a pan: it only walks the pixels on screen.
 */
export function paintOverlay(canvas: HTMLCanvasElement, scene: OverlayScene): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(scene.screen.width * ratio);
  const height = Math.round(scene.screen.height * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, scene.screen.width, scene.screen.height);
  const { view, screen, board } = scene;
  const rect = visibleRect(view, screen, board);
  const origin = boardToScreen(view, screen, { x: 0, y: 0 });
  const z = view.zoom;

  if (z >= GRID_MIN_ZOOM) {
    context.beginPath();
    for (let x = rect.x0; x <= rect.x1; x++) {
      const sx = Math.round(origin.x + x * z) + 0.5;
      context.moveTo(sx, origin.y + rect.y0 * z);
      context.lineTo(sx, origin.y + rect.y1 * z);
    }
    for (let y = rect.y0; y <= rect.y1; y++) {
      const sy = Math.round(origin.y + y * z) + 0.5;
      context.moveTo(origin.x + rect.x0 * z, sy);
      context.lineTo(origin.x + rect.x1 * z, sy);
    }
    context.strokeStyle = 'rgba(0, 0, 0, 0.18)';
    context.lineWidth = 1;
    context.stroke();
  }

  if (scene.draftAt && z >= OUTLINE_MIN_ZOOM) {
    const draftAt = scene.draftAt;
    const has = (x: number, y: number) =>
      x >= 0 && y >= 0 && x < board.width && y < board.height && draftAt(x, y) !== EMPTY;
    context.beginPath();
    for (let y = rect.y0; y < rect.y1; y++) {
      for (let x = rect.x0; x < rect.x1; x++) {
        if (!has(x, y)) continue;
        const left = origin.x + x * z;
        const top = origin.y + y * z;
        if (!has(x - 1, y)) segment(context, left, top, left, top + z);
        if (!has(x + 1, y)) segment(context, left + z, top, left + z, top + z);
        if (!has(x, y - 1)) segment(context, left, top, left + z, top);
        if (!has(x, y + 1)) segment(context, left, top + z, left + z, top + z);
      }
    }
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(0, 0, 0, 0.75)';
    context.stroke();
    context.lineWidth = 1.5;
    context.setLineDash([4, 3]);
    context.strokeStyle = '#ffd23f';
    context.stroke();
    context.setLineDash([]);
  }

  if (scene.hover) marker(context, scene.hover, origin, z, scene.hoverColor, '#ffffff');
  if (scene.selected) marker(context, scene.selected, origin, z, null, '#ffd23f');
  if (scene.cursor) {
    marker(context, scene.cursor, origin, z, scene.hoverColor, '#38bdf8');
    // A second, wider ring: the cursor must stand out from the hover marker and the board.
    const size = Math.max(z, 6) + 10;
    const left = origin.x + scene.cursor.x * z + z / 2 - size / 2;
    const top = origin.y + scene.cursor.y * z + z / 2 - size / 2;
    context.lineWidth = 2;
    context.strokeStyle = '#38bdf8';
    context.strokeRect(left, top, size, size);
  }
}

function segment(
  context: CanvasRenderingContext2D,
  ax: number,
  ay: number,
  bx: number,
  by: number,
) {
  context.moveTo(ax, ay);
  context.lineTo(bx, by);
}

function marker(
  context: CanvasRenderingContext2D,
  at: Point,
  origin: Point,
  zoom: number,
  fill: string | null,
  ring: string,
) {
  const size = Math.max(zoom, 6);
  const left = origin.x + at.x * zoom + zoom / 2 - size / 2;
  const top = origin.y + at.y * zoom + zoom / 2 - size / 2;
  if (fill && zoom >= 2) {
    context.globalAlpha = 0.7;
    context.fillStyle = fill;
    context.fillRect(left, top, size, size);
    context.globalAlpha = 1;
  }
  context.lineWidth = 3;
  context.strokeStyle = 'rgba(0, 0, 0, 0.8)';
  context.strokeRect(left - 1, top - 1, size + 2, size + 2);
  context.lineWidth = 1.5;
  context.strokeStyle = ring;
  context.strokeRect(left - 1, top - 1, size + 2, size + 2);
}
