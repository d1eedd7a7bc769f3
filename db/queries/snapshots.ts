import type { Queryable } from '../pool';

export interface StoredSnapshot {
  seq: number;
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The newest snapshot at or before `seq` (any seq when omitted) of a board this size. */
export async function latestSnapshot(
  db: Queryable,
  width: number,
  height: number,
  atOrBeforeSeq = Number.MAX_SAFE_INTEGER,
): Promise<StoredSnapshot | null> {
  const result = await db.query<{ seq: number; pixels: Buffer }>(
    `SELECT seq, pixels FROM snapshots WHERE seq <= $1 AND width = $2 AND height = $3
     ORDER BY seq DESC LIMIT 1`,
    [atOrBeforeSeq, width, height],
  );
  const row = result.rows[0];
  return row ? { seq: row.seq, width, height, pixels: new Uint8Array(row.pixels) } : null;
}

export async function insertSnapshot(db: Queryable, snapshot: StoredSnapshot): Promise<void> {
  await db.query(
    `INSERT INTO snapshots (seq, width, height, pixels) VALUES ($1, $2, $3, $4)
     ON CONFLICT (seq) DO NOTHING`,
    [snapshot.seq, snapshot.width, snapshot.height, Buffer.from(snapshot.pixels)],
  );
}

export async function latestSnapshotSeq(db: Queryable): Promise<number> {
  const result = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM snapshots');
  return result.rows[0].seq ?? 0;
}
