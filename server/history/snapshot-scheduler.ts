import type { Logger } from 'pino';
import { insertSnapshot, latestSnapshotSeq } from '../../db/queries/snapshots';
import type { Db } from '../../db/pool';
import type { Board } from '../canvas/board';

/**
 * Stores the board every `everyChanges` changes or `everyMinutes` minutes (when it changed),
 * so a start or a look back in history replays only what came after the newest snapshot.
 */
export class SnapshotScheduler {
  private lastSeq = 0;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly board: Board,
    private readonly everyChanges: number,
    private readonly everyMinutes: number,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.lastSeq = await latestSnapshotSeq(this.db);
    this.timer = setInterval(() => void this.takeSnapshot(), this.everyMinutes * 60_000);
    this.timer.unref();
  }

  /** Called after changes are applied: snapshots once enough have piled up. */
  noteApplied(): void {
    if (this.board.seq - this.lastSeq >= this.everyChanges) void this.takeSnapshot();
  }

  /** Stores the board now unless it is unchanged since the last snapshot; returns its seq. */
  async takeSnapshot(): Promise<number> {
    await this.writing;
    const seq = this.board.seq;
    if (seq <= this.lastSeq) return this.lastSeq;
    this.lastSeq = seq;
    const pixels = this.board.pixels.slice();
    this.writing = insertSnapshot(this.db, {
      seq,
      width: this.board.width,
      height: this.board.height,
      pixels,
    })
      .then(() => this.log.info({ seq }, 'snapshot stored'))
      .catch((error: unknown) => {
        this.lastSeq = 0; // try again on the next change
        this.log.error({ err: error, seq }, 'snapshot failed');
      })
      .finally(() => (this.writing = null));
    await this.writing;
    return seq;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
  }
}
