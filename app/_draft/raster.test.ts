import { describe, expect, it } from 'vitest';
import { floodFillCells, lineCells, rectCells } from './raster';

describe('rasterisation', () => {
  it.each([
    [
      0,
      0,
      3,
      0,
      [
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
      ],
    ],
    [
      0,
      0,
      2,
      2,
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    ],
    [
      2,
      1,
      0,
      0,
      [
        [2, 1],
        [1, 0],
        [0, 0],
      ],
    ],
    [1, 1, 1, 1, [[1, 1]]],
  ])('draws the line %i,%i -> %i,%i', (x0, y0, x1, y1, expected) => {
    expect(lineCells(x0, y0, x1, y1)).toEqual(expected);
  });

  it('a line has no gaps: each step moves one cell', () => {
    const cells = lineCells(0, 0, 17, 5);
    for (let i = 1; i < cells.length; i++) {
      expect(Math.abs(cells[i][0] - cells[i - 1][0])).toBeLessThanOrEqual(1);
      expect(Math.abs(cells[i][1] - cells[i - 1][1])).toBeLessThanOrEqual(1);
    }
    expect(cells.at(-1)).toEqual([17, 5]);
  });

  it('fills a rectangle from any two corners, or draws its outline', () => {
    expect(rectCells(2, 2, 0, 1)).toHaveLength(6);
    expect(rectCells(0, 0, 3, 3, false)).toHaveLength(12);
  });

  it('flood fills the connected area of one colour inside the bounds', () => {
    // 0 = background, 1 = wall down the middle.
    const grid = ['00100', '00100', '00000'];
    const colorAt = (x: number, y: number) => Number(grid[y][x]);
    const all = floodFillCells(0, 0, colorAt, { x0: 0, y0: 0, x1: 5, y1: 3 }, 100);
    expect(all.ok && all.cells.length).toBe(13);
    const bounded = floodFillCells(0, 0, colorAt, { x0: 0, y0: 0, x1: 5, y1: 2 }, 100);
    expect(bounded.ok && bounded.cells.length).toBe(4);
    const wall = floodFillCells(2, 0, colorAt, { x0: 0, y0: 0, x1: 5, y1: 3 }, 100);
    expect(wall.ok && wall.cells).toEqual([
      [2, 0],
      [2, 1],
    ]);
  });

  it('refuses a fill larger than the limit instead of cutting it', () => {
    const result = floodFillCells(0, 0, () => 0, { x0: 0, y0: 0, x1: 10, y1: 10 }, 50);
    expect(result).toEqual({ ok: false, reason: 'too_large' });
  });
});
