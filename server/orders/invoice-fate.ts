import type { InvoiceStatus } from '../lightning/lightning-node';

/** What to do with an order after asking the node about its invoice. */
export type InvoiceFate = 'settle' | 'expire' | 'wait';

/**
 * How long an invoice the node still calls open may outlive its expiry before the order is
 * given up: LND's expiry watcher cancels it at expiry, but its clock and ours may differ.
 */
export const OPEN_PAST_EXPIRY_GRACE_MS = 60_000;

/**
 * Decides an order's fate from the node's word alone: paid invoices paint (even after their
 * expiry), canceled or deleted ones expire, held ones wait for the node to settle or cancel,
 * and an open one expires only once the node's own expiry is well past.
 */
export function invoiceFate(invoice: InvoiceStatus, now: Date): InvoiceFate {
  switch (invoice.state) {
    case 'paid':
      return 'settle';
    case 'canceled':
    case 'not_found':
      return 'expire';
    case 'held':
      return 'wait';
    case 'open':
      return invoice.expiresAt !== undefined &&
        now.getTime() >= invoice.expiresAt.getTime() + OPEN_PAST_EXPIRY_GRACE_MS
        ? 'expire'
        : 'wait';
  }
}
