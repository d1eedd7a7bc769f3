import { seqAtTime } from '../../db/queries/admin-changes';
import type { Db } from '../../db/pool';
import type { RevertRequest, RevertResult } from '../../protocol/admin';
import { AppError } from '../app-error';
import type { PastBoards } from './board-at';
import { changedPixels } from './board-diff';
import type { ChangeLog } from './change-log';

export const OPERATOR_ACTOR = 'operator';

/**
 * Puts the board (or a region of it) back to how it was after change `toSeq` (or at time
 * `at`): one new change of kind `revert`, written through the change log, holding only the
 * pixels that differ now. Nothing differs: writes nothing and answers the current seq.
 * `dryRun`: counts the pixels, writes nothing.
 */
export async function revertTo(
  deps: { db: Db; changeLog: ChangeLog; pastBoards: PastBoards },
  request: RevertRequest,
  dryRun = false,
): Promise<RevertResult> {
  const { changeLog, pastBoards } = deps;
  const toSeq = request.toSeq ?? (await seqAtTime(deps.db, new Date(request.at!)));
  if (toSeq > changeLog.board.seq) {
    throw new AppError(
      'invalid_request',
      `toSeq: the board is only at ${changeLog.board.seq}`,
      400,
    );
  }
  // History is immutable: the target can be built before taking the writer lock.
  const target = await pastBoards.board(toSeq);
  if (dryRun) {
    const pixels = changedPixels(changeLog.board, target, request.region);
    return { seq: changeLog.board.seq, pixelCount: pixels.xs.length, dryRun: true };
  }
  const written = await changeLog.append(async () => {
    // Under the lock the board is at the head: compare with it, not with an older view.
    const pixels = changedPixels(changeLog.board, target, request.region);
    if (pixels.xs.length === 0) return [];
    const note = request.note ? request.note : null;
    return [{ kind: 'revert', orderId: null, actor: OPERATOR_ACTOR, note, pixels }];
  });
  if (written.length === 0) return { seq: changeLog.board.seq, pixelCount: 0 };
  return { seq: written[0].seq, pixelCount: written[0].pixels.xs.length };
}
