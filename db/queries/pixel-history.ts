import type { PixelHistoryEntry } from '../../protocol/pixel-history';
import type { ChangeKind } from '../../protocol/changes';
import { msatToSat } from '../../protocol/price';
import type { Queryable } from '../pool';

/**
 * A pixel's changes, newest first, with the order's name, message, amount and size when an
 * order painted it.
 */
export async function pixelHistory(
  db: Queryable,
  x: number,
  y: number,
  limit: number,
): Promise<PixelHistoryEntry[]> {
  const result = await db.query<{
    seq: number;
    kind: ChangeKind;
    color: number;
    at: Date;
    order_id: string | null;
    amount_msat: string | null;
    pixel_count: number | null;
    name: string | null;
    message: string | null;
  }>(
    `SELECT e.seq, c.kind, e.color, c.created_at AS at, c.order_id, o.amount_msat, o.pixel_count, o.name, o.message
     FROM pixel_events e
     JOIN changes c ON c.seq = e.seq
     LEFT JOIN orders o ON o.id = c.order_id
     WHERE e.x = $1 AND e.y = $2
     ORDER BY e.seq DESC
     LIMIT $3`,
    [x, y, limit],
  );
  return result.rows.map((row) => ({
    seq: row.seq,
    kind: row.kind,
    color: row.color,
    at: row.at.toISOString(),
    ...(row.order_id ? { orderId: row.order_id } : {}),
    ...(row.amount_msat !== null && row.pixel_count !== null
      ? { amountSat: msatToSat(Number(row.amount_msat)), orderPixels: row.pixel_count }
      : {}),
    ...(row.name ? { name: row.name } : {}),
    ...(row.message ? { message: row.message } : {}),
  }));
}
