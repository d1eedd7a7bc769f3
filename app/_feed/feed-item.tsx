'use client';

import type { FeedEntry } from '../../protocol/feed';
import { relativeTime } from '../_shared/relative-time';
import styles from './live-feed.module.css';

/** One paid order: who, how many pixels, how long ago, their message; pressing it shows where. */
export function FeedItem({
  entry,
  now,
  onShow,
  tabIndex,
  onFocus,
}: {
  entry: FeedEntry;
  now: Date;
  onShow: (area: NonNullable<FeedEntry['area']>) => void;
  tabIndex: number;
  onFocus: () => void;
}) {
  const area = entry.area;
  const body = (
    <>
      <span className={styles.line}>
        <strong>{entry.name ?? 'Someone'}</strong> painted {entry.pixelCount.toLocaleString('en')}{' '}
        px
        <time
          className={styles.time}
          dateTime={entry.at}
          title={new Date(entry.at).toLocaleString()}
        >
          {relativeTime(new Date(entry.at), now)}
        </time>
      </span>
      {entry.message && <q className={styles.message}>{entry.message}</q>}
    </>
  );
  return (
    <li className={styles.item} data-testid="feed-entry">
      {area ? (
        <button
          type="button"
          className={styles.show}
          data-feed-focus
          tabIndex={tabIndex}
          onFocus={onFocus}
          onClick={() => onShow(area)}
          title={`Show it on the board (${area.x}, ${area.y})`}
        >
          {body}
        </button>
      ) : (
        <div className={styles.show} data-feed-focus tabIndex={tabIndex} onFocus={onFocus}>
          {body}
        </div>
      )}
    </li>
  );
}
