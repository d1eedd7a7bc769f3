'use client';

import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import buttons from './buttons.module.css';
import styles from './draft-summary-bar.module.css';

const formatted = (value: number) => value.toLocaleString('en');

/** Always on screen: the draft's size, its price, the per-order limit, and the Buy button. */
export function DraftSummaryBar() {
  const session = useSession();
  const summary = useStore(session.editor.summary);
  const { panel } = useStore(session.ui);
  const overLimit = summary.orderCount > 1;
  return (
    <div className={styles.summary} data-testid="draft-summary" aria-live="polite">
      <div className={styles.figures}>
        <strong data-testid="draft-count">{formatted(summary.count)} px</strong>
        <span data-testid="draft-price">
          {formatted(summary.priceSat)} sat{summary.priceSat === 1 ? '' : 's'}
        </span>
        {summary.alreadyRight > 0 && (
          <span className="muted" data-testid="already-right">
            {formatted(summary.alreadyRight)} already right, free
          </span>
        )}
        <span className={overLimit ? 'warn' : 'muted'} data-testid="order-limit">
          {overLimit
            ? `over the ${formatted(summary.maxPixelsPerOrder)} px limit: ${summary.orderCount} orders`
            : `max ${formatted(summary.maxPixelsPerOrder)} px per order`}
        </span>
      </div>
      <button
        type="button"
        className={buttons.primary}
        data-testid="buy"
        disabled={summary.toBuy === 0 || panel === 'checkout'}
        onClick={() => session.openPanel('checkout')}
      >
        Buy
      </button>
    </div>
  );
}
