import { describe, expect, it } from 'vitest';
import { areaOf } from './show-area';

describe('areaOf', () => {
  it('is the smallest rectangle holding the pixels', () => {
    expect(
      areaOf([
        { x: 12, y: 40 },
        { x: 10, y: 42 },
        { x: 11, y: 41 },
      ]),
    ).toEqual({ x: 10, y: 40, width: 3, height: 3 });
    expect(areaOf([{ x: 5, y: 6 }])).toEqual({ x: 5, y: 6, width: 1, height: 1 });
    expect(areaOf([])).toBeNull();
  });
});
