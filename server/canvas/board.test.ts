import { describe, expect, it } from 'vitest';
import { Board } from './board';
import {
  boundingBoxOf,
  packPixels,
  pixelBatchFrom,
  toWirePixels,
  unpackPixels,
} from '../../protocol/pixel-batch';

describe('Board', () => {
  it('starts white (palette index 0) at seq 0', () => {
    const board = new Board(4, 3);
    expect(board.seq).toBe(0);
    expect([...board.pixels]).toEqual(new Array(12).fill(0));
  });

  it('applies changes in seq order, row-major', () => {
    const board = new Board(4, 3);
    board.apply(
      1,
      pixelBatchFrom([
        { x: 3, y: 2, color: 5 },
        { x: 0, y: 1, color: 7 },
      ]),
    );
    expect(board.colorAt(3, 2)).toBe(5);
    expect(board.pixels[4]).toBe(7);
    expect(board.seq).toBe(1);
  });

  it('refuses a change that is not the next seq', () => {
    const board = new Board(2, 2);
    expect(() => board.apply(2, pixelBatchFrom([{ x: 0, y: 0, color: 1 }]))).toThrow(
      /cannot follow/,
    );
    expect(board.colorAt(0, 0)).toBe(0);
  });

  it('tells the colours a batch would overwrite', () => {
    const board = new Board(2, 2);
    board.apply(1, pixelBatchFrom([{ x: 1, y: 1, color: 9 }]));
    expect([
      ...board.colorsUnder(
        pixelBatchFrom([
          { x: 1, y: 1, color: 2 },
          { x: 0, y: 0, color: 2 },
        ]),
      ),
    ]).toEqual([9, 0]);
  });
});

describe('pixel batches', () => {
  const pixels = [
    { x: 999, y: 0, color: 15 },
    { x: 3, y: 998, color: 0 },
    { x: 500, y: 500, color: 7 },
  ];

  it('pack to 5 bytes a pixel and unpack to the same pixels', () => {
    const packed = packPixels(pixelBatchFrom(pixels));
    expect(packed.length).toBe(15);
    expect(toWirePixels(unpackPixels(packed))).toEqual(pixels.map((p) => [p.x, p.y, p.color]));
  });

  it('refuse a packed buffer of the wrong length', () => {
    expect(() => unpackPixels(Buffer.alloc(7))).toThrow();
  });

  it('have a bounding box', () => {
    expect(boundingBoxOf(pixelBatchFrom(pixels))).toEqual({ x: 3, y: 0, width: 997, height: 999 });
    expect(boundingBoxOf(pixelBatchFrom([]))).toBeNull();
  });
});
