import type { AdminChange, AdminChangesQuery } from '../../protocol/admin';
import type { ChangeKind } from '../../protocol/changes';
import type { Queryable } from '../pool';

/**
 * The operator's timeline: changes newest first, before `query.before`, filtered by time,
 * by order (its paint and undos) and by region (changes with a pixel inside it).
 */
export async function listAdminChanges(
  db: Queryable,
  query: AdminChangesQuery,
): Promise<AdminChange[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (query.before !== undefined) where.push(`c.seq < ${param(query.before)}`);
  if (query.from !== undefined) where.push(`c.created_at >= ${param(query.from)}`);
  if (query.to !== undefined) where.push(`c.created_at <= ${param(query.to)}`);
  if (query.orderId !== undefined) where.push(`c.order_id = ${param(query.orderId)}`);
  if (query.x !== undefined && query.y !== undefined && query.width && query.height) {
    const [x0, y0] = [param(query.x), param(query.y)];
    const [x1, y1] = [param(query.x + query.width - 1), param(query.y + query.height - 1)];
    // The bounding box rules most changes out cheaply; the pixels decide the rest.
    where.push(
      `c.bbox_x <= ${x1} AND c.bbox_x + c.bbox_width - 1 >= ${x0}
       AND c.bbox_y <= ${y1} AND c.bbox_y + c.bbox_height - 1 >= ${y0}
       AND EXISTS (SELECT 1 FROM pixel_events e WHERE e.seq = c.seq
                   AND e.x BETWEEN ${x0} AND ${x1} AND e.y BETWEEN ${y0} AND ${y1})`,
    );
  }
  const result = await db.query<{
    seq: number;
    kind: ChangeKind;
    created_at: Date;
    actor: string;
    order_id: string | null;
    name: string | null;
    message: string | null;
    note: string | null;
    pixel_count: number;
    bbox_x: number | null;
    bbox_y: number | null;
    bbox_width: number | null;
    bbox_height: number | null;
  }>(
    `SELECT c.seq, c.kind, c.created_at, c.actor, c.order_id, o.name, o.message, c.note,
            c.pixel_count, c.bbox_x, c.bbox_y, c.bbox_width, c.bbox_height
     FROM changes c LEFT JOIN orders o ON o.id = c.order_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.seq DESC LIMIT ${param(query.limit)}`,
    values,
  );
  return result.rows.map((row) => ({
    seq: row.seq,
    kind: row.kind,
    at: row.created_at.toISOString(),
    actor: row.actor,
    ...(row.order_id ? { orderId: row.order_id } : {}),
    ...(row.name ? { name: row.name } : {}),
    ...(row.message ? { message: row.message } : {}),
    ...(row.note ? { note: row.note } : {}),
    pixelCount: row.pixel_count,
    bbox:
      row.bbox_x === null
        ? null
        : { x: row.bbox_x, y: row.bbox_y!, width: row.bbox_width!, height: row.bbox_height! },
  }));
}

/** The seq of the last change written at or before `at` (0: none, the blank board). */
export async function seqAtTime(db: Queryable, at: Date): Promise<number> {
  const result = await db.query<{ seq: number | null }>(
    'SELECT max(seq) AS seq FROM changes WHERE created_at <= $1',
    [at],
  );
  return result.rows[0].seq ?? 0;
}
