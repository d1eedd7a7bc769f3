import type { OrderStatus } from '../../protocol/orders';
import type { Queryable } from '../pool';

export interface NewOrderRow {
  id: string;
  paymentHash: string;
  paymentRequest: string;
  amountMsat: number;
  pixelCount: number;
  packedPixels: Buffer;
  name: string | null;
  message: string | null;
  clientKey: string | null;
  expiresAt: Date;
}

export interface OrderRow {
  id: string;
  paymentHash: string;
  paymentRequest: string;
  amountMsat: number;
  pixelCount: number;
  status: OrderStatus;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  changeSeq: number | null;
}

export async function insertOrder(db: Queryable, order: NewOrderRow): Promise<Date> {
  const result = await db.query<{ created_at: Date }>(
    `INSERT INTO orders (id, payment_hash, payment_request, amount_msat, pixel_count, pixels,
                         name, message, client_key, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING created_at`,
    [
      order.id,
      order.paymentHash,
      order.paymentRequest,
      order.amountMsat,
      order.pixelCount,
      order.packedPixels,
      order.name,
      order.message,
      order.clientKey,
      order.expiresAt,
    ],
  );
  return result.rows[0].created_at;
}

const ORDER_COLUMNS = `id, payment_hash AS "paymentHash", payment_request AS "paymentRequest",
  amount_msat AS "amountMsat", pixel_count AS "pixelCount", status, created_at AS "createdAt",
  expires_at AS "expiresAt", paid_at AS "paidAt", change_seq AS "changeSeq"`;

export async function findOrder(db: Queryable, id: string): Promise<OrderRow | null> {
  const result = await db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [
    id,
  ]);
  return result.rows[0] ?? null;
}

export interface PaidOrderRow {
  id: string;
  paymentHash: string;
  packedPixels: Buffer;
  name: string | null;
  message: string | null;
}

/**
 * Marks the orders of these payment hashes paid, once: only rows not yet paid change, so a
 * settlement seen twice (another instance, a replayed stream, a restart) returns nothing.
 * An order already marked expired still paints: the node took the money.
 */
export async function markOrdersPaid(
  client: Queryable,
  paymentHashes: string[],
): Promise<PaidOrderRow[]> {
  const result = await client.query<PaidOrderRow>({
    name: 'mark-orders-paid',
    text: `UPDATE orders SET status = 'paid', paid_at = now()
     WHERE payment_hash = ANY($1::text[]) AND status <> 'paid'
     RETURNING id, payment_hash AS "paymentHash", pixels AS "packedPixels", name, message`,
    values: [paymentHashes],
  });
  // Deterministic seq order within one settlement batch: by payment hash order given.
  const position = new Map(paymentHashes.map((hash, i) => [hash, i]));
  return result.rows.sort((a, b) => position.get(a.paymentHash)! - position.get(b.paymentHash)!);
}

export interface OrderToCheck {
  id: string;
  paymentHash: string;
  status: 'pending' | 'expired';
}

/**
 * Orders whose invoice the node should be asked about: pending ones (all, or only those past
 * `dueBy`), and with `expiredSince`, also those expired after that time (a payment the node
 * settled at the last moment still paints). Oldest first.
 */
export async function ordersToCheck(
  db: Queryable,
  options: { dueBy?: Date; expiredSince?: Date },
): Promise<OrderToCheck[]> {
  const result = await db.query<OrderToCheck>(
    `SELECT id, payment_hash AS "paymentHash", status FROM orders
     WHERE (status = 'pending' AND ($1::timestamptz IS NULL OR expires_at <= $1))
        OR (status = 'expired' AND $2::timestamptz IS NOT NULL AND expires_at >= $2)
     ORDER BY expires_at`,
    [options.dueBy ?? null, options.expiredSince ?? null],
  );
  return result.rows;
}

/**
 * Marks these orders expired (the node canceled, deleted or refuses their invoices); only
 * pending ones change. Returns the ids that changed.
 */
export async function markOrdersExpired(db: Queryable, paymentHashes: string[]): Promise<string[]> {
  if (paymentHashes.length === 0) return [];
  const result = await db.query<{ id: string }>(
    `UPDATE orders SET status = 'expired' WHERE payment_hash = ANY($1::text[]) AND status = 'pending'
     RETURNING id`,
    [paymentHashes],
  );
  return result.rows.map((row) => row.id);
}

/** The order of a payment hash, or null. */
export async function findOrderByPaymentHash(
  db: Queryable,
  paymentHash: string,
): Promise<OrderRow | null> {
  const result = await db.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE payment_hash = $1`,
    [paymentHash],
  );
  return result.rows[0] ?? null;
}

export async function countOpenOrders(db: Queryable, clientKey: string): Promise<number> {
  const result = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM orders
     WHERE client_key = $1 AND status = 'pending' AND expires_at > now()`,
    [clientKey],
  );
  return result.rows[0].count;
}
