'use client';

import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import { useNow } from '../_shared/use-now';
import { FeedList } from './feed-list';
import styles from './live-feed.module.css';
import { showArea } from '../_board/show-area';

/** Orders the corner list shows whole; the rest are one click away in the feed panel. */
const SHOWN_IN_CORNER = 4;
const CLOCK_TICK_MS = 30_000;

/**
 * The last orders painted, newest first: proof the board is alive. On a desktop a short list
 * in the corner; on a phone one line that opens the whole feed as a sheet.
 */
export function LiveFeed() {
  const session = useSession();
  const { entries } = useStore(session.feed);
  const { panel } = useStore(session.ui);
  const now = useNow(CLOCK_TICK_MS);
  const newest = entries[0];
  const openFeed = () => session.openPanel('feed');
  // An open invoice keeps its panel: the feed waits until it is paid or closed.
  const busy = panel === 'checkout';

  return (
    <section className={styles.feed} aria-labelledby="feed-title" data-testid="feed">
      <h2 id="feed-title" className={styles.title}>
        Recent
      </h2>
      {entries.length === 0 ? (
        <p className={styles.empty}>No orders yet. Be the first!</p>
      ) : (
        <>
          <FeedList
            entries={entries.slice(0, SHOWN_IN_CORNER)}
            now={now}
            onShow={(area) => showArea(session, area)}
            className={styles.list}
            testId="feed-list"
          />
          {entries.length > SHOWN_IN_CORNER && (
            <button type="button" className={styles.more} onClick={openFeed} disabled={busy}>
              All recent orders
            </button>
          )}
          <button
            type="button"
            className={styles.summary}
            onClick={openFeed}
            disabled={busy}
            aria-label="Open the recent orders"
            data-testid="feed-summary"
          >
            <span className={styles.summaryText}>
              <strong>{newest.name ?? 'Someone'}</strong> painted{' '}
              {newest.pixelCount.toLocaleString('en')} px
              {newest.message && (
                <span className={styles.summaryMessage}> · “{newest.message}”</span>
              )}
            </span>
            <span aria-hidden="true" className={styles.chevron}>
              ›
            </span>
          </button>
        </>
      )}
    </section>
  );
}
