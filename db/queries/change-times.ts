import type { Queryable } from '../pool';

/** When each of these changes was written, by seq (seqs without a change are left out). */
export async function changeTimes(db: Queryable, seqs: number[]): Promise<Map<number, Date>> {
  const result = await db.query<{ seq: string; created_at: Date }>(
    'SELECT seq, created_at FROM changes WHERE seq = ANY($1::bigint[])',
    [seqs],
  );
  return new Map(result.rows.map((row) => [Number(row.seq), row.created_at]));
}
