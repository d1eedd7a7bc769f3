// The simulator's invoice record (JSON-serialisable) and its derived LND state.
import { asMessage } from './fields';

/** One invoice as stored in memory and in the journal. Hex strings for bytes, unix seconds for dates. */
export interface StoredInvoice {
  addIndex: number;
  hash: string;
  preimage: string;
  paymentAddr: string;
  memo: string;
  /** Hex, '' when the invoice has a plain description. */
  descriptionHash: string;
  /** Requested amount in millisatoshis (decimal string), '0' for an any-amount invoice. */
  valueMsat: string;
  createdAt: number;
  expiry: number;
  cltvExpiry: number;
  request: string;
  /** 0 until settled. */
  settleIndex: number;
  /** Unix seconds, 0 until settled. */
  settledAt: number;
  /** Millisatoshis received (decimal string), '0' until settled. */
  amtPaidMsat: string;
  /** Set by the expiry watcher or CancelInvoice; absent in journals written before cancels existed. */
  canceled?: boolean;
}

/** The subset of LND's Invoice.InvoiceState the simulator produces (no hold invoices, so no ACCEPTED). */
export type InvoiceState = 'OPEN' | 'SETTLED' | 'CANCELED';

/** Expiry instant of an invoice in milliseconds since the epoch. */
export function expiresAtMs(invoice: StoredInvoice): number {
  return (invoice.createdAt + invoice.expiry) * 1000;
}

/**
 * LND state as stored: an invoice past its expiry stays OPEN until the expiry watcher cancels it,
 * as in LND (whose HTLC acceptance checks only that the invoice is still OPEN).
 */
export function invoiceState(invoice: StoredInvoice): InvoiceState {
  if (invoice.settleIndex > 0) return 'SETTLED';
  return invoice.canceled ? 'CANCELED' : 'OPEN';
}

const STRING_FIELDS = [
  'hash',
  'preimage',
  'paymentAddr',
  'memo',
  'descriptionHash',
  'valueMsat',
  'request',
  'amtPaidMsat',
] as const;
const NUMBER_FIELDS = [
  'addIndex',
  'createdAt',
  'expiry',
  'cltvExpiry',
  'settleIndex',
  'settledAt',
] as const;

/** Validates a parsed JSON value as a StoredInvoice; undefined when a field is missing or mistyped. */
export function parseStoredInvoice(value: unknown): StoredInvoice | undefined {
  const msg = asMessage(value);
  for (const key of STRING_FIELDS) if (typeof msg[key] !== 'string') return undefined;
  for (const key of NUMBER_FIELDS) if (!Number.isSafeInteger(msg[key])) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of [...STRING_FIELDS, ...NUMBER_FIELDS]) out[key] = msg[key];
  if (msg.canceled === true) out.canceled = true;
  return out as unknown as StoredInvoice;
}
