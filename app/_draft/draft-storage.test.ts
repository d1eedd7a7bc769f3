import { describe, expect, it } from 'vitest';
import { EMPTY } from './draft-model';
import { decodeRuns, encodeRuns } from './draft-storage';

describe('draft storage encoding', () => {
  it('round-trips a draft through runs', () => {
    const colors = Int16Array.from([EMPTY, EMPTY, 3, 3, 3, EMPTY, 0, 15]);
    const runs = encodeRuns(colors);
    expect(runs).toEqual([2, EMPTY, 3, 3, 1, EMPTY, 1, 0, 1, 15]);
    expect(decodeRuns(runs, colors.length)).toEqual(colors);
  });

  it('keeps an empty board tiny', () => {
    expect(encodeRuns(new Int16Array(1_000_000).fill(EMPTY))).toEqual([1_000_000, EMPTY]);
  });

  it.each([
    ['not an array', 'x'],
    ['odd length', [1]],
    ['too short', [3, EMPTY]],
    ['too long', [9, EMPTY]],
    ['bad count', [0, 1, 4, EMPTY]],
  ])('refuses runs that are %s', (_label, runs) => {
    expect(decodeRuns(runs, 4)).toBeNull();
  });
});
