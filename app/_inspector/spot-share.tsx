'use client';

import { useEffect, useState } from 'react';
import styles from './inspector-panel.module.css';
import { spotLink } from './spot-link';

/** A link to one pixel's spot on the board, to copy or (where the device can) share. */
export function SpotShare({ pixel, zoom }: { pixel: { x: number; y: number }; zoom: number }) {
  const [copied, setCopied] = useState(false);
  const [canShare, setCanShare] = useState(false);
  const link = spotLink(window.location.origin, pixel, zoom);

  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);
  useEffect(() => setCopied(false), [link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin or a refusal): the link stays there to select.
      setCopied(false);
    }
  };

  return (
    <div className={styles.share}>
      <a className={styles.link} href={link} data-testid="spot-link">
        {link.replace(/^https?:\/\//, '')}
      </a>
      <button type="button" className={styles.action} onClick={copy} data-testid="copy-spot">
        {copied ? 'Copied' : 'Copy link'}
      </button>
      {canShare && (
        <button
          type="button"
          className={styles.action}
          onClick={() =>
            void navigator.share({ url: link, title: 'A spot on Boltboard' }).catch(() => undefined)
          }
        >
          Share
        </button>
      )}
    </div>
  );
}
