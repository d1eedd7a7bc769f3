// Conversion of a stored invoice into LND's lnrpc.Invoice message (the shape ln-service validates
// in lightning/lnd_responses/rpc_invoice_as_invoice.js).
import { INVOICE_FEATURES } from './bolt11';
import { BLOCK_HEIGHT, CHANNEL_ID } from './chain';
import type { Message } from './fields';
import { invoiceState, type StoredInvoice } from './invoice';

const hex = (value: string): Buffer => Buffer.from(value, 'hex');

/** Invoice feature map as LND reports it: bit -> { name, is_required, is_known }. */
export function invoiceFeatures(): Record<number, Message> {
  const out: Record<number, Message> = {};
  for (const f of INVOICE_FEATURES) {
    out[f.bit] = { name: f.name, is_required: f.required, is_known: true };
  }
  return out;
}

function settledHtlcs(invoice: StoredInvoice): Message[] {
  if (invoice.settleIndex === 0) return [];
  const time = String(invoice.settledAt);
  return [
    {
      chan_id: CHANNEL_ID,
      htlc_index: String(invoice.settleIndex),
      amt_msat: invoice.amtPaidMsat,
      accept_height: BLOCK_HEIGHT,
      accept_time: time,
      resolve_time: time,
      expiry_height: BLOCK_HEIGHT + invoice.cltvExpiry,
      state: 'SETTLED',
      custom_records: {},
      mpp_total_amt_msat: invoice.amtPaidMsat,
    },
  ];
}

/** The lnrpc.Invoice message for `invoice`. */
export function toRpcInvoice(invoice: StoredInvoice): Message {
  const state = invoiceState(invoice);
  const valueMsat = BigInt(invoice.valueMsat);
  const paidMsat = BigInt(invoice.amtPaidMsat);
  return {
    memo: invoice.memo,
    r_preimage: hex(invoice.preimage),
    r_hash: hex(invoice.hash),
    value: (valueMsat / 1000n).toString(),
    value_msat: invoice.valueMsat,
    settled: state === 'SETTLED',
    creation_date: String(invoice.createdAt),
    settle_date: String(invoice.settledAt),
    payment_request: invoice.request,
    description_hash: hex(invoice.descriptionHash),
    expiry: String(invoice.expiry),
    fallback_addr: '',
    cltv_expiry: String(invoice.cltvExpiry),
    route_hints: [],
    private: false,
    add_index: String(invoice.addIndex),
    settle_index: String(invoice.settleIndex),
    amt_paid: invoice.amtPaidMsat,
    amt_paid_sat: (paidMsat / 1000n).toString(),
    amt_paid_msat: invoice.amtPaidMsat,
    state,
    htlcs: settledHtlcs(invoice),
    features: invoiceFeatures(),
    is_keysend: false,
    payment_addr: hex(invoice.paymentAddr),
    is_amp: false,
    amp_invoice_state: {},
    is_blinded: false,
  };
}
