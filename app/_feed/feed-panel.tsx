'use client';

import buttons from '../_controls/buttons.module.css';
import { Icon } from '../_controls/icons';
import panelStyles from '../_controls/panel.module.css';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import { useNow } from '../_shared/use-now';
import { FeedList } from './feed-list';
import styles from './live-feed.module.css';
import { showArea } from '../_board/show-area';

const CLOCK_TICK_MS = 30_000;

/** The whole recent feed, with messages and times; an entry shows where it was painted. */
export function FeedPanel() {
  const session = useSession();
  const { panel } = useStore(session.ui);
  const { entries } = useStore(session.feed);
  const open = panel === 'feed';
  const now = useNow(CLOCK_TICK_MS, open);
  if (!open) return null;

  return (
    <section
      className={panelStyles.panel}
      aria-labelledby="feed-panel-title"
      data-testid="feed-panel"
    >
      <header className={panelStyles.head}>
        <h2 id="feed-panel-title">Recent orders</h2>
        <button
          type="button"
          className={buttons.icon}
          aria-label="Close"
          onClick={() => session.openPanel('none')}
        >
          <Icon name="close" />
        </button>
      </header>
      <FeedList
        entries={entries}
        now={now}
        onShow={(area) => showArea(session, area, { fromPanel: true })}
        className={`${styles.list} ${styles.panelList}`}
      />
    </section>
  );
}
