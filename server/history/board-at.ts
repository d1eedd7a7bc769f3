import { snapshotSeqAtOrBefore } from '../../db/queries/snapshot-list';
import type { Queryable } from '../../db/pool';
import { AppError } from '../app-error';
import { Board } from '../canvas/board';
import { encodeIndexedPng } from '../canvas/indexed-png';
import { loadBoard, replayChanges } from './load-board';
import { LruCache } from './lru-cache';

const BOARDS_KEPT = 8;
const PNGS_KEPT = 64;
/** Past boards being built at once (each a snapshot read and a replay); more wait for none. */
const BUILDS_IN_FLIGHT = 1;
const BUSY_RETRY_SECONDS = 2;

/**
 * Boards as they were after any seq, for scrubbing through history, reverts and diffs. Recent
 * look-ups are kept (boards and their PNGs), and a board is built from the nearest of: a kept
 * board before it, or a stored snapshot, replaying only the changes in between. History never
 * changes, so nothing kept goes stale. Boards handed out are shared: never modify them.
 * Requests for the same seq share one build; a new build past BUILDS_IN_FLIGHT is refused
 * with 503 `busy` and Retry-After instead of piling work onto the database.
 */
export class PastBoards {
  private readonly boards = new LruCache<number, Promise<Board>>(BOARDS_KEPT);
  private readonly pngs = new LruCache<number, Promise<Buffer>>(PNGS_KEPT);
  private building = 0;

  constructor(
    private readonly db: Queryable,
    private readonly current: Board,
    private readonly palette: readonly string[],
  ) {}

  /** The board after change `seq` (at most the current seq). */
  board(seq: number): Promise<Board> {
    if (seq > this.current.seq)
      return Promise.reject(new RangeError(`seq ${seq} is in the future`));
    if (seq === this.current.seq) return Promise.resolve(this.current.clone());
    return this.remember(this.boards, seq, () => this.boundedBuild(seq));
  }

  private async boundedBuild(seq: number): Promise<Board> {
    if (this.building >= BUILDS_IN_FLIGHT) {
      throw new AppError(
        'busy',
        'Past boards are being built for others; try again shortly.',
        503,
        BUSY_RETRY_SECONDS,
      );
    }
    this.building++;
    try {
      return await this.build(seq);
    } finally {
      this.building--;
    }
  }

  /** The board after change `seq` as an indexed PNG. */
  png(seq: number): Promise<Buffer> {
    return this.remember(this.pngs, seq, async () => {
      const board = await this.board(seq);
      return encodeIndexedPng(board.pixels, board.width, board.height, this.palette);
    });
  }

  private async build(seq: number): Promise<Board> {
    const { width, height } = this.current;
    const base = await this.nearestKeptBefore(seq);
    const snapshotSeq = await snapshotSeqAtOrBefore(this.db, width, height, seq);
    if (!base || base.seq < snapshotSeq) return loadBoard(this.db, width, height, seq);
    const board = base.clone();
    await replayChanges(this.db, board, seq);
    return board;
  }

  private async nearestKeptBefore(seq: number): Promise<Board | null> {
    let best: Board | null = null;
    for (const [keptSeq, pending] of this.boards.list()) {
      if (keptSeq > seq || (best && keptSeq <= best.seq)) continue;
      const board = await pending.catch(() => null);
      if (board && board.seq <= seq && (!best || board.seq > best.seq)) best = board;
    }
    return best;
  }

  private remember<T>(cache: LruCache<number, Promise<T>>, seq: number, make: () => Promise<T>) {
    const kept = cache.get(seq);
    if (kept) return kept;
    const made = make();
    cache.set(seq, made);
    made.catch(() => cache.delete(seq));
    return made;
  }
}
