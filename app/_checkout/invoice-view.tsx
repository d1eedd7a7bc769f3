'use client';

import { useEffect, useState } from 'react';
import type { CreatedOrder } from '../../protocol/orders';
import { weblnProvider } from './checkout-flow';
import { ExpiryCountdown } from './expiry-countdown';
import { InvoiceQr } from './invoice-qr';

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

/** One invoice: QR, copy, wallet link, WebLN, the test wallet, and the expiry countdown. */
export function InvoiceView(props: InvoiceViewProps) {
  const { order, expired, paying, simulated } = props;
  const [copied, setCopied] = useState(false);
  const [hasWebln, setHasWebln] = useState(false);
  useEffect(() => setHasWebln(weblnProvider() !== undefined), []);

  if (expired) {
    return (
      <div className="invoice expired" data-testid="invoice-expired">
        <p>This invoice expired before it was paid. Nothing was charged; your draft is kept.</p>
        <button
          type="button"
          className="buy-button wide"
          onClick={props.onRenew}
          data-testid="renew"
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

  return (
    <div className="invoice" data-testid="invoice">
      <p className="invoice-amount">
        Pay <strong>{order.amountSat.toLocaleString('en')} sats</strong> for{' '}
        {order.pixelCount.toLocaleString('en')} px
      </p>
      <InvoiceQr paymentRequest={order.paymentRequest} />
      <ExpiryCountdown deadlineMs={props.deadlineMs} onExpired={props.onExpired} />
      <div className="invoice-text">
        <input
          readOnly
          value={order.paymentRequest}
          aria-label="Lightning invoice"
          onFocus={(event) => event.currentTarget.select()}
          data-testid="payment-request"
        />
        <button type="button" className="secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="invoice-actions">
        <a className="secondary button-link" href={`lightning:${order.paymentRequest}`}>
          Open in wallet
        </a>
        {hasWebln && (
          <button type="button" className="buy-button" onClick={props.onWebln} disabled={paying}>
            Pay with browser wallet
          </button>
        )}
      </div>
      {simulated && (
        <div className="test-wallet">
          <p className="muted">Test network: no real money moves.</p>
          <button
            type="button"
            className="test-button wide"
            onClick={props.onTestWallet}
            disabled={paying}
            data-testid="pay-test-wallet"
          >
            {paying ? 'Paying…' : 'Pay with test wallet'}
          </button>
        </div>
      )}
      <p className="muted waiting" aria-live="polite">
        {paying ? 'Payment sent, waiting for confirmation…' : 'Waiting for payment…'}
      </p>
    </div>
  );
}
