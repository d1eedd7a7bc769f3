import type { FeedEntry } from '../../protocol/feed';

/** The feed is a ticker, not a stream: at most one `feed` message per interval, with every entry. */
export const FEED_EVERY_MS = 1_000;

export interface FeedTarget {
  emit(event: 'feed', payload: { entries: FeedEntry[] }): void;
}

/**
 * Collects paid orders for the live feed and sends them together, so a burst of payments costs
 * viewers one small message a second rather than one per order.
 */
export class FeedBroadcaster {
  private pending: FeedEntry[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: FeedTarget,
    private readonly maxEntries = 20,
  ) {}

  publish(entries: FeedEntry[]): void {
    if (entries.length === 0) return;
    this.pending.push(...entries);
    if (this.pending.length > this.maxEntries) this.pending = this.pending.slice(-this.maxEntries);
    this.timer ??= setTimeout(() => this.flush(), FEED_EVERY_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    this.target.emit('feed', { entries: this.pending });
    this.pending = [];
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
