import {
  beginAsChangeWriter,
  headSeq,
  insertChanges,
  loadChanges,
  type ChangeRow,
  type PixelEventColumns,
} from '../../db/queries/changes';
import { inTransaction, type Db, type DbClient } from '../../db/pool';
import type { Byline, Change, ChangeKind } from '../../protocol/changes';
import type { Board } from '../canvas/board';
import { boundingBoxOf, type PixelBatch } from '../../protocol/pixel-batch';

/** A change to write: what it paints, and who asked. Its seq is given when it is written. */
export interface ChangeDraft {
  kind: ChangeKind;
  orderId: string | null;
  actor: string;
  note: string | null;
  byline?: Byline;
  pixels: PixelBatch;
}

/** `written`: this instance wrote them; `caught-up`: read back after another instance wrote them. */
export type ChangeOrigin = 'written' | 'caught-up';
export type AppliedListener = (changes: Change[], origin: ChangeOrigin) => void;

/**
 * The single way changes reach the board: written to PostgreSQL in one transaction under
 * the cross-instance writer lock, then applied to the in-memory board in seq order, then
 * handed to listeners (broadcast, order watchers, snapshots) once, after the commit.
 */
export class ChangeLog {
  private readonly listeners: AppliedListener[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    readonly board: Board,
    private readonly onListenerError: (error: unknown) => void,
  ) {}

  /** Adds a listener for changes once committed and applied; returns its unsubscribe. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /**
   * Runs `draft` inside a write transaction (it may read and update other tables, e.g. mark
   * orders paid) and writes the changes it returns with the next seqs (a paint is linked to
   * its order in the same statement). Resolves with the changes once committed and applied;
   * writes nothing if `draft` returns none or anything throws.
   */
  append(draft: (client: DbClient) => Promise<ChangeDraft[]>): Promise<Change[]> {
    return this.serialized(async () => {
      const committed = await inTransaction(
        this.db,
        async (client, head: number) => {
          await this.catchUpWith(client, head);
          const drafts = await draft(client);
          if (drafts.length === 0) return [];
          return this.write(client, drafts);
        },
        beginAsChangeWriter,
      );
      this.apply(committed, 'written');
      return committed;
    });
  }

  /** Loads and applies changes other instances wrote since this board's seq. */
  catchUp(): Promise<Change[]> {
    return this.serialized(async () => {
      const client = await this.db.connect();
      try {
        return await this.catchUpWith(client, await headSeq(client));
      } finally {
        client.release();
      }
    });
  }

  private async catchUpWith(client: DbClient, head: number): Promise<Change[]> {
    const missing = await loadChanges(client, this.board.seq, head);
    this.apply(missing, 'caught-up');
    return missing;
  }

  private async write(client: DbClient, drafts: ChangeDraft[]): Promise<Change[]> {
    // Colours under each pixel, seen through the earlier drafts of this same batch.
    const overlay = new Map<number, number>();
    const events: PixelEventColumns = { seqs: [], xs: [], ys: [], colors: [], previousColors: [] };
    const rows: ChangeRow[] = [];
    const { width, pixels: boardPixels } = this.board;
    drafts.forEach((change, i) => {
      const seq = this.board.seq + 1 + i;
      const { xs, ys, colors } = change.pixels;
      for (let p = 0; p < xs.length; p++) {
        const index = ys[p] * width + xs[p];
        events.seqs.push(seq);
        events.xs.push(xs[p]);
        events.ys.push(ys[p]);
        events.colors.push(colors[p]);
        events.previousColors.push(overlay.get(index) ?? boardPixels[index]);
        overlay.set(index, colors[p]);
      }
      rows.push({
        seq,
        kind: change.kind,
        orderId: change.orderId,
        actor: change.actor,
        pixelCount: xs.length,
        bbox: boundingBoxOf(change.pixels),
        note: change.note,
      });
    });
    const at = await insertChanges(client, rows, events);
    return drafts.map((change, i) => ({
      seq: rows[i].seq,
      kind: change.kind,
      at,
      orderId: change.orderId,
      byline: change.byline,
      pixels: change.pixels,
    }));
  }

  private apply(changes: Change[], origin: ChangeOrigin): void {
    if (changes.length === 0) return;
    for (const change of changes) this.board.apply(change.seq, change.pixels);
    for (const listener of this.listeners) {
      try {
        listener(changes, origin);
      } catch (error) {
        // The changes are committed and applied; a failing listener must not undo that.
        this.onListenerError(error);
      }
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
