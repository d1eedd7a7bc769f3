import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  boardToScreen,
  clampView,
  fitView,
  formatViewQuery,
  panBy,
  parseViewQuery,
  pixelAt,
  screenToBoard,
  visibleRect,
  zoomAt,
} from './viewport';

const board = { width: 1000, height: 1000 };
const screen = { width: 800, height: 600 };

describe('viewport', () => {
  it('fits the whole board on arrival, centred', () => {
    const view = fitView(board, screen);
    expect(view.x).toBe(500);
    expect(view.y).toBe(500);
    expect(view.zoom * 1000).toBeLessThanOrEqual(600);
    const rect = visibleRect(view, screen, board);
    expect(rect).toEqual({ x0: 0, y0: 0, x1: 1000, y1: 1000 });
  });

  it('fits between floating bars, shifted so the board sits between them', () => {
    const view = fitView(board, screen, { top: 50, bottom: 150 });
    expect(view.zoom).toBeCloseTo(0.4 * 0.94);
    expect(boardToScreen(view, screen, { x: 500, y: 500 }).y).toBeCloseTo(250);
  });

  it('maps screen and board points both ways', () => {
    const view = { x: 100, y: 200, zoom: 4 };
    const point = { x: 123, y: 456 };
    const back = boardToScreen(view, screen, screenToBoard(view, screen, point));
    expect(back.x).toBeCloseTo(point.x);
    expect(back.y).toBeCloseTo(point.y);
    expect(pixelAt(view, screen, board, { x: 400, y: 300 })).toEqual({ x: 100, y: 200 });
    expect(pixelAt(view, screen, board, { x: 0, y: 0 })).toEqual({ x: 0, y: 125 });
    expect(pixelAt({ x: 0, y: 0, zoom: 1 }, screen, board, { x: 0, y: 0 })).toBeNull();
  });

  it('zooms around the anchor: the board point under it stays put', () => {
    const view = { x: 500, y: 500, zoom: 2 };
    const anchor = { x: 100, y: 150 };
    const before = screenToBoard(view, screen, anchor);
    const zoomed = zoomAt(view, board, screen, 3, anchor);
    expect(zoomed.zoom).toBe(6);
    const after = screenToBoard(zoomed, screen, anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the zoom and keeps the centre on the board', () => {
    expect(zoomAt({ x: 1, y: 1, zoom: 30 }, board, screen, 10, { x: 0, y: 0 }).zoom).toBe(MAX_ZOOM);
    const clamped = clampView({ x: -5, y: 2000, zoom: 0.0001 }, board, screen);
    expect([clamped.x, clamped.y]).toEqual([0, 1000]);
    expect(clamped.zoom).toBeCloseTo((0.6 * 0.94) / 2);
  });

  it('pans with the pointer', () => {
    expect(panBy({ x: 500, y: 500, zoom: 4 }, board, screen, 40, -8)).toEqual({
      x: 490,
      y: 502,
      zoom: 4,
    });
  });

  it.each([
    ['?x=10&y=20&zoom=8', { x: 10, y: 20, zoom: 8 }],
    ['?x=10&y=20&zoom=400', { x: 10, y: 20, zoom: MAX_ZOOM }],
    ['?x=10&y=20', null],
    ['?x=a&y=20&zoom=2', null],
    ['?x=5000&y=20&zoom=2', null],
    ['?x=10&y=20&zoom=-1', null],
    ['', null],
  ])('reads the view from %j', (search, expected) => {
    expect(parseViewQuery(search, board)).toEqual(expected);
  });

  it('writes the view into the query, keeping other parameters', () => {
    expect(formatViewQuery({ x: 10.4, y: 20.6, zoom: 2.345 }, '?ref=me')).toBe(
      '?ref=me&x=10&y=21&zoom=2.35',
    );
  });
});
