'use client';

import { useEffect, useState } from 'react';
import { formatCountdown, secondsLeft } from './countdown';
import styles from './expiry-countdown.module.css';

/** Time left on the invoice, ticking each second; calls `onExpired` when it runs out. */
export function ExpiryCountdown({
  deadlineMs,
  onExpired,
}: {
  deadlineMs: number;
  onExpired: () => void;
}) {
  const [left, setLeft] = useState(() => secondsLeft(deadlineMs, Date.now()));
  useEffect(() => {
    const tick = () => {
      const seconds = secondsLeft(deadlineMs, Date.now());
      setLeft(seconds);
      if (seconds === 0) onExpired();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadlineMs, onExpired]);
  return (
    <span
      className={left < 60 ? `${styles.countdown} ${styles.soon}` : styles.countdown}
      data-testid="countdown"
      role="timer"
    >
      Expires in {formatCountdown(left)}
    </span>
  );
}
