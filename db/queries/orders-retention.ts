import type { Queryable } from '../pool';

/** Orders emptied per statement, so one run never holds many rows locked at once. */
const PRUNE_BATCH = 1000;

/**
 * Empties the packed pixels of orders that expired unpaid more than `retentionHours` ago
 * (status 'expired' only: pending and paid orders keep theirs, and a paid order's history is
 * kept for ever). Resolves with how many orders were emptied by this batch.
 */
export async function pruneExpiredOrderPayloads(
  db: Queryable,
  retentionHours: number,
): Promise<number> {
  const result = await db.query(
    `UPDATE orders SET pixels = ''::bytea
     WHERE id IN (
       SELECT id FROM orders
       WHERE status = 'expired'
         AND expires_at < now() - make_interval(hours => $1)
         AND octet_length(pixels) > 0
       LIMIT $2)
     AND status = 'expired'`,
    [retentionHours, PRUNE_BATCH],
  );
  return result.rowCount ?? 0;
}
