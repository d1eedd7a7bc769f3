import type { SnapshotInfo } from '../../protocol/admin';
import type { Queryable } from '../pool';

/** Stored snapshots, newest first (without their pixels). */
export async function listSnapshots(db: Queryable, limit: number): Promise<SnapshotInfo[]> {
  const result = await db.query<{ seq: number; created_at: Date; width: number; height: number }>(
    'SELECT seq, created_at, width, height FROM snapshots ORDER BY seq DESC LIMIT $1',
    [limit],
  );
  return result.rows.map((row) => ({
    seq: row.seq,
    at: row.created_at.toISOString(),
    width: row.width,
    height: row.height,
  }));
}

/** The seq of the newest snapshot at or before `seq` of a board this size (0: none). */
export async function snapshotSeqAtOrBefore(
  db: Queryable,
  width: number,
  height: number,
  seq: number,
): Promise<number> {
  const result = await db.query<{ seq: number | null }>(
    'SELECT max(seq) AS seq FROM snapshots WHERE seq <= $1 AND width = $2 AND height = $3',
    [seq, width, height],
  );
  return result.rows[0].seq ?? 0;
}
