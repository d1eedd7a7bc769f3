/**
 * When an invoice expires by this page's clock: its lifetime counted from when the page got it,
 * so a visitor's clock set wrong does not expire invoices early or late.
 */
export function localDeadlineMs(receivedAtMs: number, expirySeconds: number): number {
  return receivedAtMs + expirySeconds * 1000;
}

/** Whole seconds until a deadline (ms since the epoch), never below zero. */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}

/** `m:ss` (or `h:mm:ss`) for a countdown. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
