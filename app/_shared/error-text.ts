import type { ApiErrorBody, ErrorCode } from '../../protocol/errors';

/** A server error as the page shows it: plain words, and how long to wait if asked to. */
export interface ShownError {
  code: ErrorCode | 'network';
  text: string;
  retryAfterSeconds?: number;
}

const PLAIN_WORDS: Partial<Record<ErrorCode | 'network', string>> = {
  invalid_request: 'The board did not accept this order',
  rate_limited: 'Too many orders from you in a short time',
  too_many_open_orders: 'You have too many unpaid invoices open. Pay or let some expire first',
  lightning_unavailable: 'The Lightning node is not reachable right now. Try again in a moment',
  database_unavailable: 'The board cannot save orders right now. Try again in a moment',
  body_too_large: 'This order is too big to send in one piece',
  order_not_found: 'That order does not exist',
  payment_failed: 'The payment did not go through',
  unsupported_media_type: 'The board only accepts orders sent as JSON',
  cross_origin: 'The board only accepts orders from its own page',
  busy: 'The board is too busy to answer right now',
  network: 'No connection to the board. Check your network and try again',
};

/** Turns an error answer into something a visitor can read. Your draft is never touched. */
export function describeError(
  error: ApiErrorBody['error'] | { code: 'network'; message: string },
  retryAfterSeconds?: number,
): ShownError {
  const base = PLAIN_WORDS[error.code] ?? 'Something went wrong on the board';
  let text = base;
  if (error.code === 'invalid_request' && error.message) text = `${base}: ${error.message}`;
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0)
    text = `${base}. Try again in ${retryAfterSeconds} s`;
  return { code: error.code, text: `${text}.`, retryAfterSeconds };
}
