import type { FeedEntry } from '../../protocol/feed';

/** The feed is a ticker, not a stream: viewers get its news at most once per interval. */
export const FEED_EVERY_MS = 1_000;
/**
 * News still waiting this long after it came (no change went out to carry it) is sent alone.
 * Longer than the interval, so that while changes flow the feed never costs a fan-out of its own.
 */
export const FEED_ALONE_AFTER_MS = 2 * FEED_EVERY_MS;

export interface FeedTarget {
  emit(event: 'feed', payload: { entries: FeedEntry[] }): unknown;
}

/**
 * Collects paid orders for the live feed. Their news rides along with the next `changes`
 * message once the interval has passed (`take`), so the feed costs viewers no message of its
 * own; only when no change goes out to carry it is it sent as a `feed` event by itself.
 */
export class FeedBroadcaster {
  private pending: FeedEntry[] = [];
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: FeedTarget,
    private readonly maxEntries = 20,
    private readonly now: () => number = Date.now,
  ) {}

  publish(entries: FeedEntry[]): void {
    if (entries.length === 0) return;
    this.pending.push(...entries);
    if (this.pending.length > this.maxEntries) this.pending = this.pending.slice(-this.maxEntries);
    this.timer ??= setTimeout(() => this.flushAlone(), FEED_ALONE_AFTER_MS);
  }

  /** The entries to attach to a message going out now, if the feed is due; else undefined. */
  take(): FeedEntry[] | undefined {
    if (this.pending.length === 0 || this.now() - this.lastSentAt < FEED_EVERY_MS) return undefined;
    const entries = this.pending;
    this.pending = [];
    this.lastSentAt = this.now();
    return entries;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flushAlone(): void {
    this.timer = undefined;
    const entries = this.take();
    if (entries) this.target.emit('feed', { entries });
    else if (this.pending.length > 0)
      this.timer = setTimeout(() => this.flushAlone(), FEED_ALONE_AFTER_MS);
  }
}
