import { hexToRgb } from '../../protocol/palette-quantize';
import { packRgba } from '../_board/board-image';
import { EMPTY, type DirtyRect, type DraftModel } from './draft-model';

/**
 * A block of pixels shown over the draft before it is committed: a shape being dragged, or an
 * imported image being placed. EMPTY cells show the draft underneath.
 */
export interface DraftPreview {
  x: number;
  y: number;
  width: number;
  height: number;
  colors: Int16Array;
}

/**
 * Draws the draft (and any preview) on its own canvas, the size of the board, above the board
 * canvas and moved by the same transform. Only the rectangle that changed is redrawn.
 */
export class DraftLayer {
  private readonly context: CanvasRenderingContext2D;
  private readonly image: ImageData;
  private readonly rgba: Uint32Array;
  private readonly colors: Uint32Array;
  preview: DraftPreview | null = null;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly draft: DraftModel,
    palette: readonly string[],
  ) {
    canvas.width = draft.width;
    canvas.height = draft.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    this.context = context;
    this.image = context.createImageData(draft.width, draft.height);
    this.rgba = new Uint32Array(this.image.data.buffer);
    this.colors = Uint32Array.from(palette, (hex) => packRgba(hexToRgb(hex)));
  }

  /** Replaces the preview, redrawing where the old and the new one are. */
  setPreview(preview: DraftPreview | null): void {
    const old = this.preview;
    this.preview = preview;
    if (old) this.redraw(previewRect(old));
    if (preview) this.redraw(previewRect(preview));
  }

  /** The colour shown at a pixel: preview first, then draft; EMPTY if neither. */
  shownAt(x: number, y: number): number {
    const preview = this.preview;
    if (preview) {
      const px = x - preview.x;
      const py = y - preview.y;
      if (px >= 0 && py >= 0 && px < preview.width && py < preview.height) {
        const color = preview.colors[py * preview.width + px];
        if (color !== EMPTY) return color;
      }
    }
    return this.draft.colors[y * this.draft.width + x];
  }

  redrawAll(): void {
    this.redraw({ x0: 0, y0: 0, x1: this.draft.width - 1, y1: this.draft.height - 1 });
  }

  redraw(rect: DirtyRect): void {
    const { width, height } = this.draft;
    const x0 = Math.max(0, rect.x0);
    const y0 = Math.max(0, rect.y0);
    const x1 = Math.min(width - 1, rect.x1);
    const y1 = Math.min(height - 1, rect.y1);
    if (x1 < x0 || y1 < y0) return;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const color = this.shownAt(x, y);
        this.rgba[y * width + x] = color === EMPTY ? 0 : this.colors[color];
      }
    }
    this.context.putImageData(this.image, 0, 0, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }
}

function previewRect(preview: DraftPreview): DirtyRect {
  return {
    x0: preview.x,
    y0: preview.y,
    x1: preview.x + preview.width - 1,
    y1: preview.y + preview.height - 1,
  };
}

/** A preview made of cells of one colour (a line or rectangle being dragged). */
export function cellsPreview(cells: ReadonlyArray<readonly [number, number]>, color: number) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of cells) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  if (cells.length === 0) return null;
  const width = x1 - x0 + 1;
  const colors = new Int16Array(width * (y1 - y0 + 1)).fill(EMPTY);
  for (const [x, y] of cells) colors[(y - y0) * width + (x - x0)] = color;
  return { x: x0, y: y0, width, height: y1 - y0 + 1, colors } satisfies DraftPreview;
}
