import type { FeedEntry } from '../../protocol/feed';
import type { Queryable } from '../pool';

/** The newest paid orders' paints, newest first, with where each was painted. */
export async function recentPaints(db: Queryable, limit: number): Promise<FeedEntry[]> {
  const result = await db.query<{
    seq: number;
    order_id: string;
    pixel_count: number;
    name: string | null;
    message: string | null;
    at: Date;
    bbox_x: number | null;
    bbox_y: number | null;
    bbox_width: number | null;
    bbox_height: number | null;
  }>(
    `SELECT c.seq, c.order_id, c.pixel_count, o.name, o.message, c.created_at AS at,
            c.bbox_x, c.bbox_y, c.bbox_width, c.bbox_height
     FROM changes c JOIN orders o ON o.id = c.order_id
     WHERE c.kind = 'paint'
     ORDER BY c.seq DESC LIMIT $1`,
    [limit],
  );
  return result.rows.map((row) => ({
    seq: row.seq,
    orderId: row.order_id,
    pixelCount: row.pixel_count,
    ...(row.name ? { name: row.name } : {}),
    ...(row.message ? { message: row.message } : {}),
    at: row.at.toISOString(),
    ...(row.bbox_x !== null &&
      row.bbox_y !== null &&
      row.bbox_width !== null &&
      row.bbox_height !== null && {
        area: { x: row.bbox_x, y: row.bbox_y, width: row.bbox_width, height: row.bbox_height },
      }),
  }));
}
