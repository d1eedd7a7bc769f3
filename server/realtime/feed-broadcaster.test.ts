import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedEntry } from '../../protocol/feed';
import { FEED_ALONE_AFTER_MS, FEED_EVERY_MS, FeedBroadcaster } from './feed-broadcaster';

const entry = (seq: number): FeedEntry => ({
  seq,
  orderId: `order-${seq}`,
  pixelCount: 1,
  at: '2026-11-24T00:00:00.000Z',
});

describe('FeedBroadcaster', () => {
  afterEach(() => vi.useRealTimers());

  it('rides along with the next message when due, at most once an interval', () => {
    let now = 10_000;
    const sent: FeedEntry[][] = [];
    const feed = new FeedBroadcaster(
      { emit: (_event, { entries }) => sent.push(entries) },
      20,
      () => now,
    );
    feed.publish([entry(1)]);
    expect(feed.take()).toEqual([entry(1)]);
    feed.publish([entry(2)]);
    expect(feed.take()).toBeUndefined(); // too soon after the last
    now += FEED_EVERY_MS;
    feed.publish([entry(3)]);
    expect(feed.take()).toEqual([entry(2), entry(3)]);
    expect(sent).toEqual([]);
    feed.stop();
  });

  it('sends its news alone when no message came to carry it, keeping the newest entries', () => {
    vi.useFakeTimers();
    const sent: FeedEntry[][] = [];
    const feed = new FeedBroadcaster({ emit: (_event, { entries }) => sent.push(entries) }, 2);
    feed.publish([entry(1), entry(2), entry(3)]);
    vi.advanceTimersByTime(FEED_ALONE_AFTER_MS - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[entry(2), entry(3)]]);
    vi.advanceTimersByTime(FEED_EVERY_MS * 3);
    expect(sent).toHaveLength(1);
    feed.stop();
  });

  it('costs no fan-out of its own while changes flow to carry it', () => {
    vi.useFakeTimers();
    const sent: FeedEntry[][] = [];
    const carried: FeedEntry[][] = [];
    const feed = new FeedBroadcaster(
      { emit: (_event, { entries }) => sent.push(entries) },
      20,
      () => Date.now(),
    );
    for (let tick = 1; tick <= 50; tick++) {
      feed.publish([entry(tick)]); // a paid order every 100 ms...
      vi.advanceTimersByTime(100);
      const taken = feed.take(); // ...and its change message going out
      if (taken) carried.push(taken);
    }
    expect(sent).toEqual([]);
    const seqs = carried.flat().map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(carried.length).toBeGreaterThanOrEqual(4);
    feed.stop();
  });
});
