import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/pool';
import type { Change } from '../../protocol/changes';
import { pixelBatchFrom } from '../../protocol/pixel-batch';
import { useMigratedTestDatabase } from '../../test/support/test-database';
import { Board } from '../canvas/board';
import { ChangeLog, type ChangeDraft, type ChangeOrigin } from './change-log';

const WIDTH = 8;
const HEIGHT = 4;

function paint(pixels: { x: number; y: number; color: number }[], orderId = null): ChangeDraft {
  return { kind: 'paint', orderId, actor: 'test', note: null, pixels: pixelBatchFrom(pixels) };
}

describe('ChangeLog (the board single writer), on real PostgreSQL', () => {
  const testDb = useMigratedTestDatabase();
  let db: Db;

  beforeAll(() => {
    db = testDb();
  });
  beforeEach(async () => {
    await db.query('TRUNCATE changes, pixel_events CASCADE');
  });

  /** A fresh instance on the shared database, with what its listeners heard. */
  const instance = () => {
    const heard: { seqs: number[]; origin: ChangeOrigin }[] = [];
    const listenerErrors: unknown[] = [];
    const log = new ChangeLog(db, new Board(WIDTH, HEIGHT), (error) => listenerErrors.push(error));
    log.onApplied((changes, origin) => heard.push({ seqs: changes.map((c) => c.seq), origin }));
    return { log, heard, listenerErrors };
  };

  const storedPixelEvents = async () =>
    (
      await db.query<{ seq: string; x: number; y: number; color: number; prev_color: number }>(
        'SELECT seq, x, y, color, prev_color FROM pixel_events ORDER BY seq, x, y',
      )
    ).rows.map((row) => [Number(row.seq), row.x, row.y, row.color, row.prev_color]);

  it('writes drafts with consecutive seqs, applies them, then tells listeners once', async () => {
    const { log, heard } = instance();
    const first = await log.append(async () => [paint([{ x: 1, y: 1, color: 3 }])]);
    const next = await log.append(async () => [
      paint([{ x: 2, y: 1, color: 4 }]),
      paint([{ x: 3, y: 1, color: 5 }]),
    ]);
    expect(first.map((c) => c.seq)).toEqual([1]);
    expect(next.map((c) => c.seq)).toEqual([2, 3]);
    expect(log.board.seq).toBe(3);
    expect([log.board.colorAt(1, 1), log.board.colorAt(2, 1), log.board.colorAt(3, 1)]).toEqual([
      3, 4, 5,
    ]);
    expect(heard).toEqual([
      { seqs: [1], origin: 'written' },
      { seqs: [2, 3], origin: 'written' },
    ]);
  });

  it('records each pixel previous colour as seen through earlier drafts of the same batch', async () => {
    const { log } = instance();
    await log.append(async () => [paint([{ x: 0, y: 0, color: 2 }])]);
    await log.append(async () => [
      paint([{ x: 0, y: 0, color: 7 }]),
      paint([{ x: 0, y: 0, color: 9 }]),
    ]);
    expect(await storedPixelEvents()).toEqual([
      [1, 0, 0, 2, 0],
      [2, 0, 0, 7, 2],
      [3, 0, 0, 9, 7],
    ]);
  });

  it.each([
    {
      name: 'a draft that throws',
      draft: async () => {
        throw new Error('draft failed');
      },
      error: 'draft failed',
    },
    {
      name: 'a write the database refuses (a paint of an unknown order)',
      draft: async () => [
        paint([{ x: 5, y: 1, color: 1 }]),
        { ...paint([{ x: 5, y: 2, color: 1 }]), orderId: '00000000-0000-4000-8000-000000000000' },
      ],
      error: 'foreign key',
    },
  ])('$name writes, applies and announces nothing, and the next append works', async (row) => {
    const { log, heard } = instance();
    await expect(log.append(row.draft)).rejects.toThrow(row.error);
    expect(log.board.seq).toBe(0);
    expect(log.board.colorAt(5, 2)).toBe(0);
    expect(heard).toEqual([]);
    expect(await storedPixelEvents()).toEqual([]);
    const after = await log.append(async () => [paint([{ x: 5, y: 2, color: 6 }])]);
    expect(after.map((c) => c.seq)).toEqual([1]);
  });

  it('writes nothing and announces nothing when the draft has no change', async () => {
    const { log, heard } = instance();
    expect(await log.append(async () => [])).toEqual([]);
    expect(heard).toEqual([]);
    expect(log.board.seq).toBe(0);
  });

  it('catches up with changes another instance wrote before writing its own', async () => {
    const a = instance();
    const b = instance();
    await a.log.append(async () => [paint([{ x: 1, y: 0, color: 1 }])]);
    await a.log.append(async () => [paint([{ x: 2, y: 0, color: 2 }])]);
    const written = await b.log.append(async () => [paint([{ x: 1, y: 0, color: 8 }])]);
    expect(written.map((c) => c.seq)).toEqual([3]);
    expect(b.heard).toEqual([
      { seqs: [1, 2], origin: 'caught-up' },
      { seqs: [3], origin: 'written' },
    ]);
    expect(Array.from(b.log.board.pixels)).toEqual(
      Array.from(a.log.board.pixels).map((color, i) => (i === 1 ? 8 : color)),
    );
    expect((await storedPixelEvents()).at(-1)).toEqual([3, 1, 0, 8, 1]);
  });

  it('serializes concurrent appends of two instances into one gap-free history', async () => {
    const a = instance();
    const b = instance();
    const appends = Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? a : b).log.append(async () => [paint([{ x: i % WIDTH, y: 3, color: i + 1 }])]),
    );
    const seqs = (await Promise.all(appends)).flat().map((c) => c.seq);
    expect(seqs.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await a.log.catchUp();
    await b.log.catchUp();
    expect(a.log.board.seq).toBe(10);
    expect(Array.from(a.log.board.pixels)).toEqual(Array.from(b.log.board.pixels));
  });

  it('keeps a commit when a listener throws: others still hear it, the error is reported', async () => {
    const { log, heard, listenerErrors } = instance();
    const broken = new Error('listener broke');
    const unsubscribe = log.onApplied(() => {
      throw broken;
    });
    const later: Change[][] = [];
    log.onApplied((changes) => later.push(changes));
    await log.append(async () => [paint([{ x: 0, y: 3, color: 2 }])]);
    expect(listenerErrors).toEqual([broken]);
    expect(heard.map((h) => h.seqs)).toEqual([[1]]);
    expect(later.map((changes) => changes.map((c) => c.seq))).toEqual([[1]]);

    unsubscribe();
    await log.append(async () => [paint([{ x: 1, y: 3, color: 2 }])]);
    expect(listenerErrors).toHaveLength(1);
    expect(heard.map((h) => h.seqs)).toEqual([[1], [2]]);
  });
});
