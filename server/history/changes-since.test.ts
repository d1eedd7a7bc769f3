import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/pool';
import type { Change } from '../../protocol/changes';
import { emptyPixelBatch } from '../../protocol/pixel-batch';
import { changesSince, ANSWER_PAGE_PIXELS, RELOAD_AFTER_PIXELS } from './changes-since';
import { RecentChanges } from './recent-changes';

/** A database of changes with these pixel counts (seq 1, 2...), recording every statement. */
function fakeDb(pixelCounts: number[]) {
  const statements: Array<{ text: string; values: unknown[] }> = [];
  const db = {
    query: async (query: string | { text: string; values: unknown[] }, params?: unknown[]) => {
      const text = typeof query === 'string' ? query : query.text;
      const values = typeof query === 'string' ? (params ?? []) : query.values;
      statements.push({ text, values });
      if (text.startsWith('SELECT seq, pixel_count FROM changes')) {
        const [after, upto] = values as number[];
        return {
          rows: pixelCounts
            .map((count, i) => ({ seq: i + 1, pixel_count: count }))
            .filter((row) => row.seq > after && row.seq <= upto),
        };
      }
      return { rows: [] };
    },
  } as unknown as Queryable;
  const pixelEventReads = () =>
    statements.filter((statement) => statement.text.includes('pixel_events'));
  return { db, pixelEventReads };
}

describe('changesSince', () => {
  it('says reload from the changes rows alone, never loading pixel events, when too far behind', async () => {
    const { db, pixelEventReads } = fakeDb(Array(10_000).fill(RELOAD_AFTER_PIXELS / 9_999));
    const answer = await changesSince(db, new RecentChanges(10), 10_000, 0, 10_000);
    expect(answer).toEqual({ seq: 10_000, reload: true });
    expect(pixelEventReads()).toEqual([]);
  });

  it.each([
    ['small changes: one page of them', [10, 10, 10], 3],
    ['a page holds up to ANSWER_PAGE_PIXELS', [ANSWER_PAGE_PIXELS - 5, 5, 1], 2],
    ['one change bigger than a page comes alone', [ANSWER_PAGE_PIXELS * 2, 1], 1],
  ])('%s', async (_label, counts, lastSeq) => {
    const { db, pixelEventReads } = fakeDb(counts);
    await changesSince(db, new RecentChanges(10), counts.length, 0, 1000);
    expect(pixelEventReads().map((read) => read.values)).toEqual([[0, lastSeq]]);
  });

  it.each([
    ['small changes: one page of them', [10, 10, 10], [1, 2, 3]],
    ['a page holds up to ANSWER_PAGE_PIXELS', [ANSWER_PAGE_PIXELS - 5, 5, 1], [1, 2]],
    ['one change bigger than a page comes alone', [ANSWER_PAGE_PIXELS * 2, 1], [1]],
  ])('from memory, without the database: %s', async (_label, counts, seqs) => {
    const { db, pixelEventReads } = fakeDb([]);
    const recent = new RecentChanges(RELOAD_AFTER_PIXELS * 2);
    recent.add(counts.map((count, i) => heldChange(i + 1, count)));
    const answer = await changesSince(db, recent, counts.length, 0, 1000);
    expect(answer.changes?.map((change) => change.seq)).toEqual(seqs);
    expect(answer.changes?.[0].pixels).toHaveLength(counts[0]);
    expect(pixelEventReads()).toEqual([]);
  });

  it('says reload from memory when the changes held are too many pixels behind', async () => {
    const recent = new RecentChanges(RELOAD_AFTER_PIXELS * 2);
    recent.add([heldChange(1, RELOAD_AFTER_PIXELS), heldChange(2, 1)]);
    expect(await changesSince(fakeDb([]).db, recent, 2, 0, 1000)).toEqual({
      seq: 2,
      reload: true,
    });
  });
});

/** A change kept in memory, painting `pixels` pixels along the top row. */
function heldChange(seq: number, pixels: number): Change {
  const batch = emptyPixelBatch(pixels);
  for (let i = 0; i < pixels; i++) batch.xs[i] = i % 1000;
  return { seq, kind: 'paint', at: new Date(0), orderId: null, pixels: batch };
}
