import type { FeedEntry } from '../../protocol/feed';
import { apiJson } from '../_shared/api-client';
import { Store } from '../_shared/store';

const FEED_LENGTH = 12;

/**
 * The page's "Recent" list: loaded from `GET /api/feed` (on start and after a reconnection,
 * so orders paid while away appear), then kept fresh by the feed news the socket brings.
 */
export class FeedState {
  readonly store = new Store<{ entries: FeedEntry[] }>({ entries: [] });

  load(): void {
    void apiJson<{ entries?: FeedEntry[] }>('/api/feed', { cache: 'no-store' })
      .then((body) => {
        if (body?.entries) this.store.set({ entries: body.entries.slice(0, FEED_LENGTH) });
      })
      .catch(() => undefined);
  }

  /** News from the socket, oldest first: newest on top, each order once. */
  add(entries: FeedEntry[]): void {
    const newestFirst = [...entries].reverse();
    const known = new Set(newestFirst.map((entry) => entry.orderId));
    const kept = this.store.get().entries.filter((entry) => !known.has(entry.orderId));
    this.store.set({ entries: [...newestFirst, ...kept].slice(0, FEED_LENGTH) });
  }
}
