import type { Queryable } from '../pool';

/** The settle index painted up to for `node` (0 when none yet). */
export async function loadSettleIndex(db: Queryable, node: string): Promise<number> {
  const result = await db.query<{ settle_index: number }>(
    'SELECT settle_index FROM invoice_cursor WHERE node = $1',
    [node],
  );
  return result.rows[0]?.settle_index ?? 0;
}

/** Raises the stored settle index to `settleIndex` (never lowers it: instances may race). */
export async function saveSettleIndex(
  db: Queryable,
  node: string,
  settleIndex: number,
): Promise<void> {
  await db.query(
    `INSERT INTO invoice_cursor (node, settle_index) VALUES ($1, $2)
     ON CONFLICT (node) DO UPDATE SET settle_index = GREATEST(invoice_cursor.settle_index, $2),
                                      updated_at = now()`,
    [node, settleIndex],
  );
}
