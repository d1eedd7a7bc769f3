import type { Queryable } from '../pool';

/** The seq of the change that painted an order: null when the order is unknown or unpaid. */
export async function orderPaintSeq(
  db: Queryable,
  orderId: string,
): Promise<{ found: boolean; seq: number | null }> {
  const result = await db.query<{ seq: number | null }>(
    `SELECT (SELECT c.seq FROM changes c WHERE c.order_id = o.id AND c.kind = 'paint'
             ORDER BY c.seq LIMIT 1) AS seq
     FROM orders o WHERE o.id = $1`,
    [orderId],
  );
  if (result.rows.length === 0) return { found: false, seq: null };
  return { found: true, seq: result.rows[0].seq };
}

/** A pixel of a change, with the colour it covered and whether a later change painted it. */
export interface UndoCandidate {
  x: number;
  y: number;
  previousColor: number;
  paintedSince: boolean;
}

/** Every pixel change `seq` wrote, each with whether it is still the latest at its place. */
export async function undoCandidates(db: Queryable, seq: number): Promise<UndoCandidate[]> {
  const result = await db.query<[number, number, number, boolean]>({
    text: `SELECT e.x, e.y, e.prev_color,
                  EXISTS (SELECT 1 FROM pixel_events l
                          WHERE l.x = e.x AND l.y = e.y AND l.seq > e.seq) AS painted_since
           FROM pixel_events e WHERE e.seq = $1`,
    values: [seq],
    rowMode: 'array',
  });
  return result.rows.map(([x, y, previousColor, paintedSince]) => ({
    x,
    y,
    previousColor,
    paintedSince,
  }));
}
