'use client';

import { satsText } from '../_intro/board-extras';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import { Icon } from './icons';
import styles from './status-bar.module.css';

const STATE_TEXT = {
  connecting: 'connecting…',
  loading: 'loading…',
  live: 'live',
  reconnecting: 'reconnecting…',
  'catching-up': 'catching up…',
} as const;

/** Connection state, people watching, the price, the day's pace and the pixel under the pointer. */
export function StatusBar() {
  const session = useSession();
  const { state, viewers, seq, settings, activity24h } = useStore(session.connection.status);
  const { hover, cursor } = useStore(session.ui);
  // The pointer's pixel, or else the keyboard cursor's.
  const shown = hover ?? cursor;
  return (
    <div className={styles.bar} data-testid="status-bar">
      <span
        id="board-status"
        className={styles.pill}
        data-state={state}
        data-testid="board-status"
        role="status"
        title={seq !== null ? `Board at change ${seq}` : undefined}
      >
        <span className={styles.dot} aria-hidden="true" />
        {STATE_TEXT[state]}
      </span>
      {viewers !== null && (
        <span className={styles.pill} data-testid="viewers" title={`${viewers} watching`}>
          <span className={styles.phoneOnly} aria-hidden="true">
            <Icon name="eye" />
          </span>
          <span>
            {viewers}
            <span className={styles.wideOnly}> watching</span>
          </span>
        </span>
      )}
      {settings && (
        <span className={`${styles.pill} ${styles.price}`} data-testid="price-per-pixel">
          <span>
            {satsText(settings.pricePerPixelSat)}
            <span className={styles.wideOnly}> per pixel</span>
            <span className={styles.phoneOnly}>/px</span>
          </span>
        </span>
      )}
      {activity24h && (
        <span className={`${styles.pill} ${styles.wideOnly}`} data-testid="activity-24h">
          {activity24h.pixels.toLocaleString('en')} px · {activity24h.orders.toLocaleString('en')}{' '}
          orders in 24 h
        </span>
      )}
      {settings?.simulated && (
        <span className={`${styles.pill} ${styles.test}`} title="Payments are simulated">
          <span>
            test<span className={styles.wideOnly}> network</span>
          </span>
        </span>
      )}
      <span className={styles.coords} data-testid="coords" aria-live="off">
        {shown ? `(${shown.x}, ${shown.y})` : ''}
      </span>
    </div>
  );
}
