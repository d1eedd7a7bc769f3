/**
 * Shapes as lists of board cells: lines, rectangles, flood fills. Pure, no DOM.
 */

export type Cell = [number, number];

/** The cells of a straight line, both ends included (Bresenham). */
export function lineCells(x0: number, y0: number, x1: number, y1: number): Cell[] {
  const cells: Cell[] = [];
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let error = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    cells.push([x, y]);
    if (x === x1 && y === y1) return cells;
    const twice = 2 * error;
    if (twice >= dy) {
      error += dy;
      x += sx;
    }
    if (twice <= dx) {
      error += dx;
      y += sy;
    }
  }
}

/** The cells of a rectangle between two corners, filled or as its outline. */
export function rectCells(x0: number, y0: number, x1: number, y1: number, filled = true): Cell[] {
  const left = Math.min(x0, x1);
  const right = Math.max(x0, x1);
  const top = Math.min(y0, y1);
  const bottom = Math.max(y0, y1);
  const cells: Cell[] = [];
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const edge = x === left || x === right || y === top || y === bottom;
      if (filled || edge) cells.push([x, y]);
    }
  }
  return cells;
}

export interface FillBounds {
  /** Half-open rectangle the fill may not leave (the area on screen). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type FillResult = { ok: true; cells: Cell[] } | { ok: false; reason: 'too_large' };

/**
 * The 4-connected area of the colour at (x, y), as `colorAt` reports it, inside `bounds`.
 * Refuses (rather than cuts) an area of more than `maxCells`.
 */
export function floodFillCells(
  x: number,
  y: number,
  colorAt: (x: number, y: number) => number,
  bounds: FillBounds,
  maxCells: number,
): FillResult {
  const { x0, y0, x1, y1 } = bounds;
  if (x < x0 || y < y0 || x >= x1 || y >= y1) return { ok: true, cells: [] };
  const target = colorAt(x, y);
  const width = x1 - x0;
  const seen = new Uint8Array(width * (y1 - y0));
  const cells: Cell[] = [];
  const stack: number[] = [x, y];
  seen[(y - y0) * width + (x - x0)] = 1;
  while (stack.length > 0) {
    const cy = stack.pop()!;
    const cx = stack.pop()!;
    cells.push([cx, cy]);
    if (cells.length > maxCells) return { ok: false, reason: 'too_large' };
    const neighbours: Cell[] = [
      [cx + 1, cy],
      [cx - 1, cy],
      [cx, cy + 1],
      [cx, cy - 1],
    ];
    for (const [nx, ny] of neighbours) {
      if (nx < x0 || ny < y0 || nx >= x1 || ny >= y1) continue;
      const key = (ny - y0) * width + (nx - x0);
      if (seen[key] || colorAt(nx, ny) !== target) continue;
      seen[key] = 1;
      stack.push(nx, ny);
    }
  }
  return { ok: true, cells };
}
