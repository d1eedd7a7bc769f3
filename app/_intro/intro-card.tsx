'use client';

import { useEffect, useRef } from 'react';
import buttons from '../_controls/buttons.module.css';
import { Icon } from '../_controls/icons';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import { boardExtras, fiatText, satsText } from './board-extras';
import styles from './intro-card.module.css';

/** Remembered once dismissed, so it greets a visitor only the first time. */
const SEEN_KEY = 'boltboard.intro-seen';

/**
 * What this place is, for a first-time visitor: the price per pixel in sats (and in their
 * currency where the server gives a rate), what Lightning and a sat are, which wallets work.
 * Opens by itself once; the "?" button of the top bar opens it again.
 */
export function IntroCard() {
  const session = useSession();
  const { intro } = useStore(session.ui);
  const { settings } = useStore(session.connection.status);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let seen = false;
    try {
      seen = localStorage.getItem(SEEN_KEY) !== null;
    } catch {
      // Storage refused (private mode): show it, it only costs a click.
    }
    if (!seen) session.ui.set({ intro: true });
  }, [session]);
  useEffect(() => {
    if (intro) startButton.current?.focus();
  }, [intro]);

  if (!intro) return null;
  const close = (draw: boolean) => {
    try {
      localStorage.setItem(SEEN_KEY, new Date().toISOString());
    } catch {
      // Nothing to remember it in: it shows again next time.
    }
    session.ui.set({ intro: false });
    if (draw) session.setTool('pencil');
    document.querySelector<HTMLElement>('[data-testid="stage"]')?.focus();
  };
  const price = settings?.pricePerPixelSat ?? null;
  const { fiat } = boardExtras(settings);

  return (
    <section
      className={styles.card}
      role="dialog"
      aria-labelledby="intro-title"
      data-testid="intro"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close(false);
      }}
    >
      <header className={styles.head}>
        <h2 id="intro-title">
          <span className={styles.bolt}>
            <Icon name="bolt" />
          </span>
          Paint the board, pixel by pixel
        </h2>
        <button
          type="button"
          className={buttons.icon}
          aria-label="Close the introduction"
          onClick={() => close(false)}
        >
          <Icon name="close" />
        </button>
      </header>
      <p>
        Boltboard is a shared billboard anyone can paint. Everyone sees every pixel the moment it is
        paid for.
      </p>
      {price !== null && (
        <p className={styles.price} data-testid="intro-price">
          Each pixel costs <strong>{satsText(price)}</strong>
          {fiat && <> (about {fiatText(price, fiat)})</>}. You see the total before you pay.
        </p>
      )}
      <dl className={styles.terms}>
        <dt>A sat</dt>
        <dd>the smallest unit of bitcoin: 100,000,000 sats make one bitcoin.</dd>
        <dt>Lightning</dt>
        <dd>
          Bitcoin&apos;s network for instant, tiny payments. Any Lightning wallet works: Phoenix,
          Wallet of Satoshi, Breez, Zeus, Blink, or a browser wallet such as Alby.
        </dd>
      </dl>
      <ol className={styles.steps}>
        <li>Pick a colour and draw. Nothing is charged yet: it is your draft.</li>
        <li>Press Buy, then scan the invoice or open it in your wallet.</li>
        <li>Paid: your pixels are on the board for everyone.</li>
      </ol>
      {settings?.simulated && (
        <p className="muted">
          This board runs on a test network: payments are simulated with a test wallet button.
        </p>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          ref={startButton}
          className={buttons.primary}
          data-testid="intro-start"
          onClick={() => close(true)}
        >
          Start drawing
        </button>
        <button type="button" className={buttons.secondary} onClick={() => close(false)}>
          Just look around
        </button>
      </div>
      <p className={styles.links}>
        <a href="/timelapse">Watch the timelapse</a> · <a href="/docs">API for bots</a>
      </p>
    </section>
  );
}
