'use client';

import { useEffect, useState } from 'react';
import styles from './invoice-qr.module.css';

/** The invoice as a QR code (uppercase `lightning:` URI: the compact alphanumeric mode). */
export function InvoiceQr({ paymentRequest }: { paymentRequest: string }) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Loaded on demand: the QR encoder is not needed until someone buys.
    void import('qrcode').then(async (qrcode) => {
      const url = await qrcode.toDataURL(`lightning:${paymentRequest}`.toUpperCase(), {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 240,
        color: { dark: '#000000', light: '#ffffff' },
      });
      if (!cancelled) setDataUrl(url);
    });
    return () => {
      cancelled = true;
    };
  }, [paymentRequest]);
  return (
    <div className={styles.qr}>
      {dataUrl ? (
        <img
          src={dataUrl}
          width={240}
          height={240}
          alt="QR code of the Lightning invoice"
          data-testid="invoice-qr"
        />
      ) : (
        <div className={styles.placeholder} aria-hidden="true" />
      )}
    </div>
  );
}
