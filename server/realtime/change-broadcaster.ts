import type { Change, WireChange } from '../../protocol/changes';
import type { FeedEntry } from '../../protocol/feed';
import { toWirePixels } from '../../protocol/pixel-batch';

/** A change bigger than this is announced as `reload` rather than sent pixel by pixel. */
export const BROADCAST_MAX_PIXELS = 50_000;

/** Where messages go; a returned promise says when the fan-out is done (none: at once). */
export interface BroadcastTarget {
  emit(
    event: 'changes',
    payload: { changes: WireChange[]; feed?: FeedEntry[] },
  ): Promise<void> | boolean | void;
  emit(event: 'reload', payload: { seq: number }): Promise<void> | boolean | void;
}

/**
 * Sends applied changes to every viewer. Changes applied in the same task go out as one
 * message (sent once that task's listeners are done, without waiting a loop turn), encoded once for all sockets; oversized ones become a `reload`. While a fan-out is
 * still being written, newer changes wait and then leave together: under load, fewer and
 * larger messages rather than a growing queue of small ones.
 */
export class ChangeBroadcaster {
  private pending: Change[] = [];
  private scheduled = false;
  private sending: Promise<void> | undefined;
  /** Sizes of the messages sent, for metrics. */
  onBatch: (changes: number, pixels: number) => void = () => undefined;

  constructor(
    private readonly target: BroadcastTarget,
    /** Feed news due to ride along with this message, if any. */
    private readonly takeFeed: () => FeedEntry[] | undefined = () => undefined,
  ) {}

  publish(changes: Change[]): void {
    this.pending.push(...changes);
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.sending) void this.sending.then(() => this.flush());
    else queueMicrotask(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    if (this.sending) {
      this.publish([]);
      return;
    }
    const changes = this.pending;
    this.pending = [];
    if (changes.length === 0) return;
    let pixels = 0;
    for (const change of changes) pixels += change.pixels.xs.length;
    this.onBatch(changes.length, pixels);
    if (pixels > BROADCAST_MAX_PIXELS) {
      this.track(this.target.emit('reload', { seq: changes[changes.length - 1].seq }));
      return;
    }
    const feed = this.takeFeed();
    const sent = this.target.emit('changes', {
      changes: changes.map((change) => ({
        seq: change.seq,
        kind: change.kind,
        pixels: toWirePixels(change.pixels),
      })),
      ...(feed ? { feed } : {}),
    });
    this.track(sent);
  }

  private track(sent: Promise<void> | boolean | void): void {
    if (!(sent instanceof Promise)) return;
    const done: Promise<void> = sent.finally(() => {
      if (this.sending === done) this.sending = undefined;
    });
    this.sending = done;
  }
}
