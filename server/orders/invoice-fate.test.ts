import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../lightning/lightning-node';
import { invoiceFate, OPEN_PAST_EXPIRY_GRACE_MS, type InvoiceFate } from './invoice-fate';

const now = new Date('2026-12-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('invoiceFate', () => {
  it.each<[string, InvoiceStatus, InvoiceFate]>([
    ['paid before expiry', { state: 'paid', expiresAt: ago(-60_000) }, 'settle'],
    ['paid, expiry long past', { state: 'paid', expiresAt: ago(3_600_000) }, 'settle'],
    ['canceled by the node', { state: 'canceled', expiresAt: ago(1000) }, 'expire'],
    ['deleted by the node (gc)', { state: 'not_found' }, 'expire'],
    ['held: HTLC accepted, not settled', { state: 'held', expiresAt: ago(3_600_000) }, 'wait'],
    ['open before expiry', { state: 'open', expiresAt: ago(-1000) }, 'wait'],
    ['open just past expiry', { state: 'open', expiresAt: ago(1000) }, 'wait'],
    [
      'open past expiry and grace',
      { state: 'open', expiresAt: ago(OPEN_PAST_EXPIRY_GRACE_MS) },
      'expire',
    ],
    ['open with no expiry given', { state: 'open' }, 'wait'],
  ])('%s', (_name, invoice, expected) => {
    expect(invoiceFate(invoice, now)).toBe(expected);
  });
});
