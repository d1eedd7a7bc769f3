import { headSeq, loadChanges } from '../../db/queries/changes';
import type { Change } from '../../protocol/changes';
import { latestSnapshot } from '../../db/queries/snapshots';
import type { Queryable } from '../../db/pool';
import { Board } from '../canvas/board';

const REPLAY_CHUNK_CHANGES = 20_000;

/** The board after change `uptoSeq` (the newest when omitted): nearest snapshot, then replay. */
export async function loadBoard(
  db: Queryable,
  width: number,
  height: number,
  uptoSeq?: number,
): Promise<Board> {
  const target = uptoSeq ?? (await headSeq(db));
  const snapshot = await latestSnapshot(db, width, height, target);
  const board = snapshot
    ? new Board(width, height, snapshot.pixels, snapshot.seq)
    : new Board(width, height);
  await replayChanges(db, board, target);
  return board;
}

/**
 * Applies the logged changes after `board.seq` up to `uptoSeq` to `board`, in seq order;
 * `onApplied` sees each change once applied (and is awaited when it returns a promise).
 */
export async function replayChanges(
  db: Queryable,
  board: Board,
  uptoSeq: number,
  onApplied?: (change: Change) => void | Promise<void>,
): Promise<void> {
  while (board.seq < uptoSeq) {
    const changes = await loadChanges(
      db,
      board.seq,
      Math.min(board.seq + REPLAY_CHUNK_CHANGES, uptoSeq),
    );
    if (changes.length === 0) throw new Error(`the change log has a gap after seq ${board.seq}`);
    for (const change of changes) {
      board.apply(change.seq, change.pixels);
      await onApplied?.(change);
    }
  }
}
