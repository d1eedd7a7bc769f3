import type { Queryable } from '../pool';

/**
 * Paid paints written in the last 24 hours with a seq up to `throughSeq`: how many
 * (one a paid order) and how many pixels. The seq bound lets a caller add later changes
 * it has seen itself without counting any twice.
 */
export async function paintActivityLastDay(
  db: Queryable,
  throughSeq: number,
): Promise<{ pixels: number; orders: number }> {
  const result = await db.query<{ pixels: number; orders: number }>(
    `SELECT count(*)::int AS orders, coalesce(sum(pixel_count), 0)::int AS pixels
     FROM changes
     WHERE kind = 'paint' AND seq <= $1 AND created_at > now() - interval '1 day'`,
    [throughSeq],
  );
  return result.rows[0];
}
