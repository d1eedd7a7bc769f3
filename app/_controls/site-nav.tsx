'use client';

import { Icon } from './icons';
import { useSession } from '../_session/session-provider';
import styles from './site-nav.module.css';

/** The way from the board to the other pages, and back to the introduction. */
export function SiteNav() {
  const session = useSession();
  return (
    <nav className={styles.nav} aria-label="Pages">
      <a className={styles.link} href="/timelapse">
        Timelapse
      </a>
      <a className={styles.link} href="/docs">
        API
      </a>
      <button
        type="button"
        className={styles.help}
        aria-label="What is this? How to paint and pay"
        title="What is this?"
        data-testid="open-intro"
        onClick={() => session.ui.set({ intro: true })}
      >
        <Icon name="help" />
      </button>
    </nav>
  );
}
