import type { WireChange } from './changes';

/** What to do with changes that just arrived. */
export interface SequencedChanges {
  /** Changes to apply now, in seq order, each exactly once. */
  apply: WireChange[];
  /** True when a seq is missing: the board must catch up before it is current again. */
  gap: boolean;
}

/**
 * Puts live changes in seq order around a board load (r/place's approach): the socket is
 * subscribed first, changes that arrive while the PNG loads are held, then replayed past the
 * PNG's seq. Seqs are gap-free, so a jump means something was missed.
 */
export class ChangeSequencer {
  /** Seq of the board as shown; null while no board is loaded. */
  private seq: number | null = null;
  private held: WireChange[] = [];
  private holding = true;

  get currentSeq(): number | null {
    return this.seq;
  }

  /** From now on, hold changes (a board load or a catch-up is under way). */
  hold(): void {
    this.holding = true;
  }

  /** Takes changes from the socket. */
  receive(changes: WireChange[]): SequencedChanges {
    if (this.holding || this.seq === null) {
      this.held.push(...changes);
      return { apply: [], gap: false };
    }
    return this.order(changes);
  }

  /**
   * Lets changes through again after a catch-up: `changes` (fetched since the current seq) and
   * those held meanwhile are applied in order, each once. `headSeq`, the server's seq when it
   * answered, reports a gap when the answer stopped short of it (one page of a long catch-up).
   */
  resume(changes: WireChange[] = [], headSeq?: number): SequencedChanges {
    const pending = [...changes, ...this.held];
    this.held = [];
    this.holding = false;
    const result = this.order(pending);
    if (result.gap || headSeq === undefined || (this.seq ?? 0) >= headSeq) return result;
    this.holding = true;
    return { apply: result.apply, gap: true };
  }

  /** A board loaded from scratch (a PNG) at `seq`: held changes past it are replayed. */
  reset(seq: number): SequencedChanges {
    this.seq = seq;
    return this.resume();
  }

  private order(changes: WireChange[]): SequencedChanges {
    const sorted = changes.length > 1 ? [...changes].sort((a, b) => a.seq - b.seq) : changes;
    const apply: WireChange[] = [];
    let seq = this.seq ?? 0;
    for (let i = 0; i < sorted.length; i++) {
      const change = sorted[i];
      if (change.seq <= seq) continue;
      if (change.seq > seq + 1) {
        // Missing seqs: hold this and the rest until a catch-up fills the hole.
        this.seq = seq;
        this.holding = true;
        this.held.push(...sorted.slice(i));
        return { apply, gap: true };
      }
      apply.push(change);
      seq = change.seq;
    }
    this.seq = seq;
    return { apply, gap: false };
  }
}
