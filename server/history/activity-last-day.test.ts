import type { Change } from '../../protocol/changes';
import { describe, expect, it, vi } from 'vitest';
import type { Queryable } from '../../db/pool';
import { ACTIVITY_RECOUNT_MS, ActivityLastDay } from './activity-last-day';

function paint(seq: number, pixels: number, kind: Change['kind'] = 'paint'): Change {
  const xs = Uint16Array.from({ length: pixels }, (_, i) => i);
  return {
    seq,
    kind,
    at: new Date(),
    orderId: null,
    pixels: { xs, ys: xs, colors: new Uint8Array(pixels) },
  };
}

/** A database that answers each count with the next of `answers`, when `release` is called. */
function fakeDb(answers: Array<{ pixels: number; orders: number }>) {
  const seqBounds: number[] = [];
  const waiting: Array<() => void> = [];
  const db = {
    query: vi.fn(async (_sql: string, [throughSeq]: [number]) => {
      seqBounds.push(throughSeq);
      const answer = answers.shift()!;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { rows: [answer] };
    }),
  } as unknown as Queryable;
  return { db, seqBounds, release: () => waiting.shift()?.() };
}

describe('ActivityLastDay', () => {
  it('counts once a minute at most, adds paints as they come, and keeps those applied during a count', async () => {
    const { db, seqBounds, release } = fakeDb([
      { pixels: 10, orders: 2 },
      { pixels: 14, orders: 3 },
    ]);
    let now = 0;
    let seq = 7;
    const activity = new ActivityLastDay(
      db,
      () => seq,
      vi.fn(),
      () => now,
    );

    const first = activity.count();
    expect(activity.current()).toBeUndefined(); // nothing counted yet, no second query
    release();
    await first;
    expect(activity.current()).toEqual({ pixels: 10, orders: 2 });
    expect(seqBounds).toEqual([7]);

    seq = 8;
    activity.noteApplied([paint(8, 4), paint(9, 100, 'revert')]);
    expect(activity.current()).toEqual({ pixels: 14, orders: 3 });

    now = ACTIVITY_RECOUNT_MS - 1;
    activity.current();
    expect(db.query).toHaveBeenCalledTimes(1);

    now = ACTIVITY_RECOUNT_MS;
    activity.current(); // stale: a recount starts, bounded at seq 8
    activity.current();
    expect(db.query).toHaveBeenCalledTimes(2);
    expect(seqBounds).toEqual([7, 8]);
    activity.noteApplied([paint(9, 5)]); // applied while counting: past the bound
    expect(activity.current()).toEqual({ pixels: 19, orders: 4 });
    release();
    await activity.count();
    // The database's 14/3 through seq 8, plus the paint of seq 9.
    expect(activity.current()).toEqual({ pixels: 19, orders: 4 });
  });

  it('keeps the last count when the database fails, and tries again a minute later', async () => {
    const onError = vi.fn();
    let now = 0;
    const db = {
      query: vi
        .fn()
        .mockResolvedValueOnce({ rows: [{ pixels: 3, orders: 1 }] })
        .mockRejectedValueOnce(new Error('down'))
        .mockResolvedValueOnce({ rows: [{ pixels: 5, orders: 2 }] }),
    } as unknown as Queryable;
    const activity = new ActivityLastDay(
      db,
      () => 1,
      onError,
      () => now,
    );
    await activity.count();
    now = ACTIVITY_RECOUNT_MS;
    activity.current();
    await activity.count();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(activity.current()).toEqual({ pixels: 3, orders: 1 });
    now = 2 * ACTIVITY_RECOUNT_MS;
    activity.current();
    await activity.count();
    expect(activity.current()).toEqual({ pixels: 5, orders: 2 });
  });
});
