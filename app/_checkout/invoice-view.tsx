'use client';

import { useEffect, useRef, useState } from 'react';
import type { CreatedOrder } from '../../protocol/orders';
import { weblnProvider } from './checkout-flow';
import { ExpiryCountdown } from './expiry-countdown';
import { InvoiceQr } from './invoice-qr';
import buttons from '../_controls/buttons.module.css';
import styles from './invoice-view.module.css';

interface InvoiceViewProps {
  order: CreatedOrder;
  deadlineMs: number;
  expired: boolean;
  paying: boolean;
  simulated: boolean;
  onExpired: () => void;
  onRenew: () => void;
  onTestWallet: () => void;
  onWebln: () => void;
}

/** How this device can pay: a wallet in the browser, a wallet app on this phone, or another device. */
type PayRoute = 'webln' | 'this-device' | 'other-device';

/** A phone or tablet: its wallet app is on the same device, the QR is for someone else's. */
function isTouchDevice(): boolean {
  return window.matchMedia('(pointer: coarse)').matches;
}

/**
 * One invoice, with the action that fits the device first: WebLN where a browser wallet is
 * present, the `lightning:` link on a touch device (the wallet app is right there), else the
 * QR for a phone to scan. Then copy, the others, the test wallet and the expiry countdown.
 */
export function InvoiceView(props: InvoiceViewProps) {
  const { order, expired, paying, simulated } = props;
  const [copied, setCopied] = useState(false);
  const [route, setRoute] = useState<PayRoute>('other-device');
  const primary = useRef<HTMLElement | null>(null);
  useEffect(() => {
    setRoute(weblnProvider() ? 'webln' : isTouchDevice() ? 'this-device' : 'other-device');
  }, []);
  // The invoice replaced the button that was focused: the next thing to press gets focus.
  useEffect(() => {
    primary.current?.focus();
  }, [route, expired, order.id]);

  if (expired) {
    return (
      <div className={styles.invoice} data-testid="invoice-expired">
        <p>This invoice expired before it was paid. Nothing was charged; your draft is kept.</p>
        <button
          type="button"
          className={`${buttons.primary} ${buttons.wide}`}
          onClick={props.onRenew}
          data-testid="renew"
          ref={(element) => {
            primary.current = element;
          }}
        >
          Get a new invoice
        </button>
      </div>
    );
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(order.paymentRequest);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  const setPrimary = (element: HTMLElement | null) => {
    primary.current = element;
  };
  const walletLink = (main: boolean) => (
    <a
      className={
        main
          ? `${buttons.primary} ${buttons.link} ${buttons.wide} ${styles.primaryLink}`
          : `${buttons.secondary} ${buttons.link} ${buttons.wide}`
      }
      href={`lightning:${order.paymentRequest}`}
      data-testid={main ? 'invoice-primary' : 'open-in-wallet'}
      ref={main ? setPrimary : undefined}
    >
      Open in wallet
    </a>
  );
  const weblnButton = (
    <button
      type="button"
      className={`${buttons.primary} ${buttons.wide}`}
      onClick={props.onWebln}
      disabled={paying}
      data-testid="invoice-primary"
      ref={setPrimary}
    >
      {paying ? 'Paying…' : 'Pay with browser wallet'}
    </button>
  );
  const qr = (
    <figure className={styles.qr}>
      <InvoiceQr paymentRequest={order.paymentRequest} />
      <figcaption className="muted" data-testid="qr-hint">
        {route === 'this-device'
          ? 'Or scan it from another device with any Lightning wallet'
          : 'Scan with any Lightning wallet'}
      </figcaption>
    </figure>
  );

  return (
    <div className={styles.invoice} data-testid="invoice" data-route={route}>
      <p className={styles.amount}>
        Pay <strong>{order.amountSat.toLocaleString('en')} sats</strong> for{' '}
        {order.pixelCount.toLocaleString('en')} px
      </p>
      {route === 'webln' && weblnButton}
      {route === 'this-device' && walletLink(true)}
      {qr}
      <ExpiryCountdown deadlineMs={props.deadlineMs} onExpired={props.onExpired} />
      <div className={styles.text}>
        <input
          readOnly
          value={order.paymentRequest}
          aria-label="Lightning invoice"
          onFocus={(event) => event.currentTarget.select()}
          data-testid="payment-request"
          ref={route === 'other-device' ? setPrimary : undefined}
        />
        <button type="button" className={buttons.secondary} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {route !== 'this-device' && walletLink(false)}
      {simulated && (
        <div className={styles.testWallet}>
          <p className="muted">Test network: no real money moves.</p>
          <button
            type="button"
            className={`${buttons.secondary} ${buttons.wide}`}
            onClick={props.onTestWallet}
            disabled={paying}
            data-testid="pay-test-wallet"
          >
            {paying ? 'Paying…' : 'Pay with the test wallet'}
          </button>
        </div>
      )}
      <p className={`muted ${styles.waiting}`} aria-live="polite">
        {paying ? 'Payment sent, waiting for confirmation…' : 'Waiting for payment…'}
      </p>
    </div>
  );
}
