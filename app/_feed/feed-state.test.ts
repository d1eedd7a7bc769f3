import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../protocol/feed';
import { FeedState } from './feed-state';

const entry = (seq: number): FeedEntry => ({
  seq,
  orderId: `o${seq}`,
  pixelCount: seq,
  at: '2026-11-24T00:00:00.000Z',
});

describe('FeedState', () => {
  it('puts the newest news on top, keeps each order once, and at most twelve', () => {
    const feed = new FeedState();
    feed.add([entry(1), entry(2)]);
    feed.add([entry(2), entry(3)]);
    expect(feed.store.get().entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    feed.add(Array.from({ length: 20 }, (_, i) => entry(10 + i)));
    expect(feed.store.get().entries).toHaveLength(12);
    expect(feed.store.get().entries[0].seq).toBe(29);
  });
});
