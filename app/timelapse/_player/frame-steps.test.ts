import { describe, expect, it } from 'vitest';
import { frameAtStep, frameStartSteps } from './frame-steps';

describe('frameStartSteps and frameAtStep', () => {
  it('places merged frames at the planned frame they start on', () => {
    // Planned frames 0..5: frame 1 also held planned frames 2 and 3 (nothing changed there).
    const starts = frameStartSteps([80, 240, 80, 2000], 80);
    expect(starts).toEqual([0, 1, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((step) => frameAtStep(starts, step))).toEqual([0, 1, 1, 1, 2, 3]);
  });

  it('has one frame for a board that never changed', () => {
    expect(frameStartSteps([2000], 80)).toEqual([0]);
    expect(frameAtStep([0], 0)).toBe(0);
  });
});
