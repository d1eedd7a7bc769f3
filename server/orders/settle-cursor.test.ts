import { describe, expect, it } from 'vitest';
import { SettleCursor } from './settle-cursor';

describe('SettleCursor', () => {
  it.each<[string, number, Array<['begin' | 'finish', number]>, number]>([
    ['starts where it was stored', 7, [], 7],
    [
      'moves with each settlement painted',
      0,
      [
        ['begin', 1],
        ['finish', 1],
        ['begin', 2],
        ['finish', 2],
      ],
      2,
    ],
    [
      'waits for a lower index still painting',
      0,
      [
        ['begin', 1],
        ['begin', 2],
        ['finish', 2],
      ],
      0,
    ],
    [
      'then moves past both',
      0,
      [
        ['begin', 1],
        ['begin', 2],
        ['finish', 2],
        ['finish', 1],
      ],
      2,
    ],
    [
      'stays below an index still in flight',
      3,
      [
        ['begin', 4],
        ['begin', 5],
        ['finish', 5],
      ],
      3,
    ],
    [
      'never goes back on a replayed index',
      9,
      [
        ['begin', 4],
        ['finish', 4],
      ],
      9,
    ],
    [
      'ignores index 0 (no index from the node)',
      2,
      [
        ['begin', 0],
        ['finish', 0],
      ],
      2,
    ],
  ])('%s', (_name, start, steps, expected) => {
    const cursor = new SettleCursor(start);
    for (const [step, index] of steps) {
      if (step === 'begin') cursor.begin(index);
      else cursor.finish(index);
    }
    expect(cursor.position).toBe(expected);
  });
});
