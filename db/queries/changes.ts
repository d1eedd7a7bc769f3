import { bylineOf, type Change, type ChangeKind } from '../../protocol/changes';
import { emptyPixelBatch, type BoundingBox } from '../../protocol/pixel-batch';
import type pg from 'pg';
import type { DbClient, Queryable } from '../pool';

export interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  orderId: string | null;
  actor: string;
  pixelCount: number;
  bbox: BoundingBox | null;
  note: string | null;
}

// Any fixed key. Held for the length of a write transaction: one writer at a time across
// every instance, so seqs are taken gap-free and in commit order.
const CHANGE_WRITER_LOCK_KEY = 0x60_17_b0_a2;

/**
 * Opens a write transaction holding the change writer lock and returns the head seq, in one
 * round trip (a settle commit's time is mostly its round trips). The head is read by its own
 * statement after the lock's: under READ COMMITTED each statement takes a fresh snapshot, so
 * it sees every change committed before the lock was granted.
 */
export async function beginAsChangeWriter(client: DbClient): Promise<number> {
  const results = (await client.query(
    `BEGIN; SELECT pg_advisory_xact_lock(${CHANGE_WRITER_LOCK_KEY}); SELECT max(seq) AS seq FROM changes`,
  )) as unknown as pg.QueryResult<{ seq: number | null }>[];
  return results[2].rows[0].seq ?? 0;
}

export async function headSeq(db: Queryable): Promise<number> {
  const result = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM changes');
  return result.rows[0].seq ?? 0;
}

/** Pixel events of many changes, as parallel columns (one entry per pixel). */
export interface PixelEventColumns {
  seqs: number[];
  xs: number[];
  ys: number[];
  colors: number[];
  previousColors: number[];
}

/**
 * Inserts change rows and their pixel events in one statement (one round trip) and returns
 * the changes' `created_at`. The same statement links each paint change to its order
 * (`orders.change_seq`) and clears the order's set-aside settlement record, if any: a paint's
 * bookkeeping costs its commit no round trip of its own.
 */
export async function insertChanges(
  client: Queryable,
  rows: ChangeRow[],
  events: PixelEventColumns,
): Promise<Date> {
  const result = await client.query<{ now: Date }>({
    name: 'insert-changes',
    text: `WITH pixels AS (
       INSERT INTO pixel_events (seq, x, y, color, prev_color)
       SELECT * FROM unnest($11::bigint[], $12::smallint[], $13::smallint[], $14::smallint[],
                            $15::smallint[])
     ),
     inserted AS (
       INSERT INTO changes (seq, kind, order_id, actor, pixel_count, bbox_x, bbox_y, bbox_width, bbox_height, note)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[], $5::int[],
                            $6::int[], $7::int[], $8::int[], $9::int[], $10::text[])
       RETURNING seq, kind, order_id, created_at
     ),
     linked AS (
       UPDATE orders SET change_seq = inserted.seq FROM inserted
       WHERE inserted.kind = 'paint' AND orders.id = inserted.order_id
     ),
     cleared AS (
       DELETE FROM unpainted_orders USING inserted
       WHERE inserted.kind = 'paint' AND unpainted_orders.order_id = inserted.order_id
     )
     SELECT created_at AS now FROM inserted LIMIT 1`,
    values: [
      rows.map((row) => row.seq),
      rows.map((row) => row.kind),
      rows.map((row) => row.orderId),
      rows.map((row) => row.actor),
      rows.map((row) => row.pixelCount),
      rows.map((row) => row.bbox?.x ?? null),
      rows.map((row) => row.bbox?.y ?? null),
      rows.map((row) => row.bbox?.width ?? null),
      rows.map((row) => row.bbox?.height ?? null),
      rows.map((row) => row.note),
      events.seqs,
      events.xs,
      events.ys,
      events.colors,
      events.previousColors,
    ],
  });
  return result.rows[0].now;
}

/**
 * Each change's pixel count for `afterSeq < seq <= uptoSeq`, in seq order, from the `changes`
 * rows alone: the price of loading them, known before a single pixel event is read.
 */
export async function pixelCountsBetween(
  db: Queryable,
  afterSeq: number,
  uptoSeq: number,
): Promise<Array<{ seq: number; pixelCount: number }>> {
  if (uptoSeq <= afterSeq) return [];
  const result = await db.query<{ seq: number; pixel_count: number }>(
    'SELECT seq, pixel_count FROM changes WHERE seq > $1 AND seq <= $2 ORDER BY seq',
    [afterSeq, uptoSeq],
  );
  return result.rows.map((row) => ({ seq: row.seq, pixelCount: row.pixel_count }));
}

/** Changes with `afterSeq < seq <= uptoSeq`, with their pixels, in seq order. */
export async function loadChanges(
  db: Queryable,
  afterSeq: number,
  uptoSeq: number,
): Promise<Change[]> {
  if (uptoSeq <= afterSeq) return [];
  const [changeRows, pixelRows] = await Promise.all([
    db.query<{
      seq: number;
      kind: ChangeKind;
      created_at: Date;
      order_id: string | null;
      pixel_count: number;
      name: string | null;
      message: string | null;
    }>(
      `SELECT c.seq, c.kind, c.created_at, c.order_id, c.pixel_count, o.name, o.message
       FROM changes c LEFT JOIN orders o ON o.id = c.order_id
       WHERE c.seq > $1 AND c.seq <= $2 ORDER BY c.seq`,
      [afterSeq, uptoSeq],
    ),
    db.query<[number, number, number, number]>({
      text: 'SELECT seq, x, y, color FROM pixel_events WHERE seq > $1 AND seq <= $2 ORDER BY seq',
      values: [afterSeq, uptoSeq],
      rowMode: 'array',
    }),
  ]);
  const changes = changeRows.rows.map((row) => ({
    seq: row.seq,
    kind: row.kind,
    at: row.created_at,
    orderId: row.order_id,
    byline: bylineOf(row.name, row.message),
    pixels: emptyPixelBatch(row.pixel_count),
  }));
  const bySeq = new Map(changes.map((change) => [change.seq, { change, filled: 0 }]));
  for (const row of pixelRows.rows) {
    const target = bySeq.get(row[0]);
    if (!target) continue;
    const i = target.filled++;
    target.change.pixels.xs[i] = row[1];
    target.change.pixels.ys[i] = row[2];
    target.change.pixels.colors[i] = row[3];
  }
  return changes;
}
