import { describe, expect, it } from 'vitest';
import { describeError } from './error-text';

describe('error text', () => {
  it.each([
    [
      { code: 'rate_limited', message: 'x' },
      30,
      'Too many orders from you in a short time. Try again in 30 s.',
    ],
    [
      { code: 'too_many_open_orders', message: 'x' },
      undefined,
      'You have too many unpaid invoices open. Pay or let some expire first.',
    ],
    [
      { code: 'invalid_request', message: 'pixels: allows at most 3 pixels' },
      undefined,
      'The board did not accept this order: pixels: allows at most 3 pixels.',
    ],
    [
      { code: 'internal_error', message: 'stack trace' },
      undefined,
      'Something went wrong on the board.',
    ],
  ] as const)('says %j in plain words', (error, retryAfter, text) => {
    expect(describeError(error, retryAfter).text).toBe(text);
  });
});
