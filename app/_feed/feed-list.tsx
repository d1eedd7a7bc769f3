'use client';

import { useState, type KeyboardEvent } from 'react';
import type { FeedEntry } from '../../protocol/feed';
import { FeedItem } from './feed-item';

const STEP: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };

/**
 * Feed entries as one tab stop: Tab reaches the list, the arrows (and Home, End) move
 * between entries, Enter shows the one focused. The board's painting controls stay close.
 */
export function FeedList({
  entries,
  now,
  onShow,
  className,
  testId,
}: {
  entries: FeedEntry[];
  now: Date;
  onShow: (area: NonNullable<FeedEntry['area']>) => void;
  className: string;
  testId?: string;
}) {
  const [active, setActive] = useState(0);
  const current = Math.min(active, entries.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const last = entries.length - 1;
    const next =
      event.key in STEP
        ? Math.min(last, Math.max(0, current + STEP[event.key]))
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? last
            : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    event.currentTarget.querySelectorAll<HTMLElement>('[data-feed-focus]')[next]?.focus();
  };

  return (
    <ol className={className} data-testid={testId} onKeyDown={onKeyDown}>
      {entries.map((entry, i) => (
        <FeedItem
          key={entry.orderId}
          entry={entry}
          now={now}
          onShow={onShow}
          tabIndex={i === current ? 0 : -1}
          onFocus={() => setActive(i)}
        />
      ))}
    </ol>
  );
}
