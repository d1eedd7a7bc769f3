'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import buttons from '../_controls/buttons.module.css';
import { Icon } from '../_controls/icons';
import panelStyles from '../_controls/panel.module.css';
import { useSession } from '../_session/session-provider';
import { showArea } from '../_board/show-area';
import { useStore } from '../_shared/store';
import { CheckoutFlow } from './checkout-flow';
import styles from './checkout-panel.module.css';
import { InvoiceView } from './invoice-view';
import { MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH } from '../../protocol/limits';

/** Buying the draft: name and message, then the invoice, then success. */
export function CheckoutPanel() {
  const session = useSession();
  const { panel } = useStore(session.ui);
  const summary = useStore(session.editor.summary);
  const [flow] = useState(
    () => new CheckoutFlow({ editor: session.editor, connection: session.connection }),
  );
  const state = useStore(flow.state);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => flow.follow(), [flow]);
  const expire = useCallback(() => flow.expire(), [flow]);
  const nameField = useRef<HTMLInputElement>(null);
  const afterPayment = useRef<HTMLButtonElement>(null);
  const open = panel === 'checkout';
  // Focus follows the flow: the form's first field, then (in the invoice) its main action,
  // then the button that comes after a payment.
  useEffect(() => {
    // Not on a touch screen: there focusing a field would pop the keyboard over the sheet.
    const touch = window.matchMedia('(pointer: coarse)').matches;
    if (open && state.step === 'form' && !touch) nameField.current?.focus();
    if (open && state.step === 'paid') afterPayment.current?.focus();
  }, [open, state.step, state.part]);

  if (panel !== 'checkout') return null;
  const close = () => {
    if (state.step !== 'invoice' && state.step !== 'creating') flow.reset();
    session.openPanel('none');
    session.focusNext(state.step === 'paid' ? 'stage' : 'buy');
  };
  const more = state.part + 1 < state.parts;
  const paidArea = state.step === 'paid' ? flow.partArea() : null;

  return (
    <section className={panelStyles.panel} aria-labelledby="checkout-title" data-testid="checkout">
      <header className={panelStyles.head}>
        <h2 id="checkout-title">
          {state.step === 'paid' ? 'Paid!' : 'Buy your pixels'}
          {state.parts > 1 && (
            <span className="muted">
              {' '}
              · order {state.part + 1} of {state.parts}
            </span>
          )}
        </h2>
        <button type="button" className={buttons.icon} aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>

      {state.error && (
        <p className="error" role="alert" data-testid="checkout-error">
          {state.error.text} Your draft is kept.
        </p>
      )}

      {(state.step === 'form' || state.step === 'creating') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void flow.buy(name, message);
          }}
        >
          <p className={styles.total}>
            <strong>{summary.toBuy.toLocaleString('en')} px</strong> for{' '}
            <strong>{summary.priceSat.toLocaleString('en')} sats</strong>
            {summary.alreadyRight > 0 && (
              <span className="muted"> ({summary.alreadyRight} already right, not charged)</span>
            )}
          </p>
          {summary.orderCount > 1 && (
            <p className="warn">
              More than {summary.maxPixelsPerOrder.toLocaleString('en')} pixels: this is paid as{' '}
              {summary.orderCount} invoices, one after the other.
            </p>
          )}
          <label>
            Name <span className="muted">(optional, shown in pixel history)</span>
            <input
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={NAME_MAX_LENGTH}
              autoComplete="nickname"
              ref={nameField}
              data-testid="buyer-name"
            />
          </label>
          <label>
            Message <span className="muted">(optional)</span>
            <input
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              maxLength={MESSAGE_MAX_LENGTH}
              data-testid="buyer-message"
            />
          </label>
          <button
            type="submit"
            className={`${buttons.primary} ${buttons.wide}`}
            disabled={state.step === 'creating' || summary.toBuy === 0}
            data-testid="create-order"
          >
            {state.step === 'creating'
              ? 'Creating the invoice…'
              : `Get invoice · ${summary.priceSat.toLocaleString('en')} sats`}
          </button>
        </form>
      )}

      {state.step === 'invoice' && summary.toBuy > flow.plannedPixels() && (
        <p className="warn" role="status" data-testid="draft-grew">
          This invoice covers the {state.order?.pixelCount.toLocaleString('en')} px you had when you
          pressed Buy. You added {(summary.toBuy - flow.plannedPixels()).toLocaleString('en')} more
          since: they stay in your draft, buy them next.
        </p>
      )}

      {(state.step === 'invoice' || state.step === 'expired') && state.order && (
        <InvoiceView
          order={state.order}
          deadlineMs={state.deadlineMs}
          expired={state.step === 'expired'}
          paying={state.paying}
          simulated={session.settings?.testWallet ?? session.settings?.simulated ?? false}
          onExpired={expire}
          onRenew={() => void flow.renew()}
          onTestWallet={() => void flow.payWithTestWallet()}
          onWebln={() => void flow.payWithWebln()}
        />
      )}

      {state.step === 'paid' && (
        <div className={styles.paid} data-testid="checkout-success" role="status">
          <p className={styles.mark} aria-hidden="true">
            <Icon name="bolt" />
          </p>
          <p>
            Payment confirmed. Your {state.order?.pixelCount.toLocaleString('en')} pixels are on the
            board for everyone to see.
          </p>
          {paidArea && (
            <button
              type="button"
              className={`${buttons.secondary} ${buttons.wide}`}
              data-testid="show-paid-pixels"
              onClick={() => {
                // The sheet closed over the spot: the next Buy starts afresh, as after Done.
                if (showArea(session, paidArea, { fromPanel: true })) flow.reset();
              }}
            >
              Show my pixels
            </button>
          )}
          {more ? (
            <button
              type="button"
              className={`${buttons.primary} ${buttons.wide}`}
              onClick={() => void flow.next()}
              ref={afterPayment}
            >
              Continue with order {state.part + 2} of {state.parts}
            </button>
          ) : (
            <button
              type="button"
              className={`${buttons.secondary} ${buttons.wide}`}
              onClick={close}
              ref={afterPayment}
            >
              Done
            </button>
          )}
        </div>
      )}
    </section>
  );
}
