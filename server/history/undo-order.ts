import { orderPaintSeq, undoCandidates } from '../../db/queries/undo-pixels';
import type { Db, Queryable } from '../../db/pool';
import type { UndoResult } from '../../protocol/admin';
import { AppError } from '../app-error';
import { pixelBatchFrom } from '../../protocol/pixel-batch';
import type { ChangeLog } from './change-log';
import { OPERATOR_ACTOR } from './revert-to';

/**
 * Puts an order's pixels back to the colours they had before it: one new change of kind
 * `undo` (linked to the order), written through the change log. Pixels painted again since
 * the order are left alone and counted as skipped. Nothing to restore: writes nothing and
 * answers the current seq. `dryRun`: counts, writes nothing.
 */
export async function undoOrder(
  deps: { db: Db; changeLog: ChangeLog },
  orderId: string,
  options: { note?: string; dryRun?: boolean } = {},
): Promise<UndoResult> {
  const { db, changeLog } = deps;
  const paint = await orderPaintSeq(db, orderId);
  if (!paint.found) throw new AppError('order_not_found', `No order ${orderId}.`, 404);
  if (paint.seq === null) {
    throw new AppError('invalid_request', 'The order was never paid, so it painted nothing.', 409);
  }
  const paintSeq = paint.seq;
  if (options.dryRun) {
    const { restore, skipped } = await planUndo(db, paintSeq);
    return { seq: changeLog.board.seq, restored: restore.length, skipped, dryRun: true };
  }
  let skipped = 0;
  const written = await changeLog.append(async (client) => {
    // Read inside the writer's transaction: no change can land between the look and the write.
    const plan = await planUndo(client, paintSeq);
    skipped = plan.skipped;
    if (plan.restore.length === 0) return [];
    return [
      {
        kind: 'undo',
        orderId,
        actor: OPERATOR_ACTOR,
        note: options.note ? options.note : null,
        pixels: pixelBatchFrom(plan.restore),
      },
    ];
  });
  if (written.length === 0) return { seq: changeLog.board.seq, restored: 0, skipped };
  return { seq: written[0].seq, restored: written[0].pixels.xs.length, skipped };
}

async function planUndo(db: Queryable, paintSeq: number) {
  const candidates = await undoCandidates(db, paintSeq);
  const restore = candidates
    .filter((pixel) => !pixel.paintedSince)
    .map(({ x, y, previousColor }) => ({ x, y, color: previousColor }));
  return { restore, skipped: candidates.length - restore.length };
}
