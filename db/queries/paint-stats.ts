import type { Queryable } from '../pool';

/** Paid paints of the last 24 hours: how many orders and how many pixels. */
export async function paintStatsLastDay(
  db: Queryable,
): Promise<{ transactions: number; pixels: number }> {
  const result = await db.query<{ transactions: number; pixels: number }>(
    `SELECT count(*)::int AS transactions, coalesce(sum(pixel_count), 0)::int AS pixels
     FROM changes WHERE kind = 'paint' AND created_at > now() - interval '1 day'`,
  );
  return result.rows[0];
}

/** The payment requests of orders, by id (unknown ids are left out). */
export async function paymentRequestsOf(
  db: Queryable,
  orderIds: string[],
): Promise<Map<string, string>> {
  const result = await db.query<{ id: string; payment_request: string }>(
    'SELECT id, payment_request FROM orders WHERE id = ANY($1::uuid[])',
    [orderIds],
  );
  return new Map(result.rows.map((row) => [row.id, row.payment_request]));
}
