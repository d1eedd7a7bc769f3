import { describe, expect, it } from 'vitest';
import { timelapseQuerySchema } from '../../../protocol/timelapse';
import { planTimelapse, TIMELAPSE_MAX_TOTAL_PIXELS } from './timelapse-plan';

const board = { width: 1000, height: 1000 };
const plan = (query: Record<string, string>, head = 1000) =>
  planTimelapse(timelapseQuerySchema.parse(query), board, head);

describe('timelapse plan', () => {
  it.each([
    ['evenly spaced frames, both ends included', { frames: '5' }, 1000, [0, 250, 500, 750, 1000]],
    ['a stretch of history', { fromSeq: '10', toSeq: '20', frames: '3' }, 1000, [10, 15, 20]],
    ['no more frames than changes', { frames: '300' }, 3, [0, 1, 2, 3]],
    ['one frame: the end', { frames: '1', toSeq: '7' }, 10, [7]],
    ['an empty board', {}, 0, [0]],
  ])('%s', (_label, query, head, frameSeqs) => {
    expect(plan(query, head).frameSeqs).toEqual(frameSeqs);
  });

  it('scales nearest-neighbour up by whole factors and down by fractions', () => {
    expect(plan({ scale: '2' })).toMatchObject({ outWidth: 2000, outHeight: 2000 });
    expect(plan({ scale: '0.25' })).toMatchObject({ outWidth: 250, outHeight: 250 });
    expect(timelapseQuerySchema.safeParse({ scale: '1.5' }).success).toBe(false);
  });

  it('caps the total size by giving fewer frames', () => {
    const big = plan({ scale: '2', frames: '300' }, 10_000);
    expect(big.frameSeqs.length * 2000 * 2000).toBeLessThanOrEqual(TIMELAPSE_MAX_TOTAL_PIXELS);
  });

  it.each([
    ['toSeq past the head', { toSeq: '11' }],
    ['fromSeq after toSeq', { fromSeq: '5', toSeq: '4' }],
    ['frames too large', { scale: '4' }],
  ])('refuses %s', (_label, query) => {
    expect(() => plan(query, 10)).toThrow();
  });
});
