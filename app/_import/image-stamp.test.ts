import { describe, expect, it } from 'vitest';
import { placeStamp, stampHeight, type StampImage } from './image-stamp';

// A 3 x 2 image: colours 0..5.
const IMAGE: StampImage = { width: 3, height: 2, colors: Int16Array.from([0, 1, 2, 3, 4, 5]) };
const BOARD = { width: 10, height: 8 };

describe('placeStamp', () => {
  it('puts the image at its corner when it fits', () => {
    const preview = placeStamp(IMAGE, BOARD, { x: 4, y: 5 });
    expect(preview).toMatchObject({ x: 4, y: 5, width: 3, height: 2 });
    expect([...preview.colors]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it.each([
    [{ x: 8, y: 7 }, { x: 8, y: 7, width: 2, height: 1 }, [0, 1]],
    [{ x: -1, y: -1 }, { x: 0, y: 0, width: 2, height: 1 }, [4, 5]],
    [{ x: 10, y: 0 }, { x: 10, y: 0, width: 0, height: 2 }, []],
  ])('cuts what lies off the board (at %o)', (at, rect, colors) => {
    const preview = placeStamp(IMAGE, BOARD, at);
    expect(preview).toMatchObject(rect);
    expect([...preview.colors]).toEqual(colors);
  });
});

describe('stampHeight', () => {
  it('keeps the proportions, at least one pixel', () => {
    expect(stampHeight({ width: 400, height: 300 }, 64)).toBe(48);
    expect(stampHeight({ width: 1000, height: 1 }, 10)).toBe(1);
  });
});
