'use client';

import { useSession } from '../_session/session-provider';
import { useStore } from '../_session/store';

/** The last orders painted, newest first: proof the board is alive. */
export function LiveFeed() {
  const session = useSession();
  const { entries } = useStore(session.feed);
  return (
    <section className="feed" aria-labelledby="feed-title" data-testid="feed">
      <h2 id="feed-title">Recent</h2>
      {entries.length === 0 ? (
        <p className="muted">No orders yet. Be the first!</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <li key={entry.orderId}>
              <strong>{entry.name ?? 'Someone'}</strong> painted{' '}
              {entry.pixelCount.toLocaleString('en')} px
              {entry.message && <q>{entry.message}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
