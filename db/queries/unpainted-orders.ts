import type { Queryable } from '../pool';

export interface UnpaintedOrderRow {
  orderId: string;
  paymentHash: string;
  pixelCount: number;
  amountMsat: number;
  reason: string;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

/** Records (or counts again) a paid order whose settlement could not be written. */
export async function recordUnpaintedOrder(
  db: Queryable,
  paymentHash: string,
  reason: string,
): Promise<void> {
  await db.query(
    `INSERT INTO unpainted_orders (order_id, reason)
     SELECT id, $2 FROM orders WHERE payment_hash = $1
     ON CONFLICT (order_id) DO UPDATE SET reason = $2, attempts = unpainted_orders.attempts + 1,
                                          last_failed_at = now()`,
    [paymentHash, reason],
  );
}

export async function listUnpaintedOrders(
  db: Queryable,
  limit: number,
): Promise<UnpaintedOrderRow[]> {
  const result = await db.query<UnpaintedOrderRow>(
    `SELECT u.order_id AS "orderId", o.payment_hash AS "paymentHash", o.pixel_count AS "pixelCount",
            o.amount_msat AS "amountMsat", u.reason, u.attempts,
            u.first_failed_at AS "firstFailedAt", u.last_failed_at AS "lastFailedAt"
     FROM unpainted_orders u JOIN orders o ON o.id = u.order_id
     WHERE o.status <> 'paid'
     ORDER BY u.first_failed_at LIMIT $1`,
    [limit],
  );
  return result.rows;
}

export async function countUnpaintedOrders(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM unpainted_orders u JOIN orders o ON o.id = u.order_id
     WHERE o.status <> 'paid'`,
  );
  return result.rows[0].count;
}
