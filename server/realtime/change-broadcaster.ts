import type { WireChange } from '../../protocol/changes';
import type { FeedEntry } from '../../protocol/feed';
import type { AppliedChange } from '../history/change-log';
import { toWirePixels } from '../canvas/pixel-batch';

/** A change bigger than this is announced as `reload` rather than sent pixel by pixel. */
export const BROADCAST_MAX_PIXELS = 50_000;

export interface BroadcastTarget {
  emit(event: 'changes', payload: { changes: WireChange[]; feed?: FeedEntry[] }): void;
  emit(event: 'reload', payload: { seq: number }): void;
}

/**
 * Sends applied changes to every viewer. Changes applied in the same tick go out as one
 * message, encoded once for all sockets; oversized ones become a `reload`.
 */
export class ChangeBroadcaster {
  private pending: AppliedChange[] = [];
  private scheduled = false;
  /** Sizes of the messages sent, for metrics. */
  onBatch: (changes: number, pixels: number) => void = () => undefined;

  constructor(
    private readonly target: BroadcastTarget,
    /** Feed news due to ride along with this message, if any. */
    private readonly takeFeed: () => FeedEntry[] | undefined = () => undefined,
  ) {}

  publish(changes: AppliedChange[]): void {
    this.pending.push(...changes);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    const changes = this.pending;
    this.pending = [];
    if (changes.length === 0) return;
    let pixels = 0;
    for (const change of changes) pixels += change.pixels.xs.length;
    this.onBatch(changes.length, pixels);
    if (pixels > BROADCAST_MAX_PIXELS) {
      this.target.emit('reload', { seq: changes[changes.length - 1].seq });
      return;
    }
    const feed = this.takeFeed();
    this.target.emit('changes', {
      changes: changes.map((change) => ({
        seq: change.seq,
        kind: change.kind,
        pixels: toWirePixels(change.pixels),
      })),
      ...(feed ? { feed } : {}),
    });
  }
}
