// lnrpc.Payment / lnrpc.Route messages in the shape ln-service validates
// (lightning/lnd_responses/confirmed_from_payment.js and rpc_attempt_htlc_as_attempt.js).
import { BLOCK_HEIGHT, CHANNEL_CAPACITY_SAT, CHANNEL_ID } from './chain';
import type { Message } from './fields';
import type { PaymentOutcome } from './payments';

/** A one-hop route over the simulated channel straight to `pubkey`. */
export function routeMessage(
  pubkey: string,
  amountMsat: bigint,
  paymentAddr: Buffer,
  cltvExpiry: number,
): Message {
  const msat = amountMsat.toString();
  const sat = (amountMsat / 1000n).toString();
  const timeLock = BLOCK_HEIGHT + cltvExpiry;
  return {
    total_time_lock: timeLock,
    total_fees: '0',
    total_amt: sat,
    total_fees_msat: '0',
    total_amt_msat: msat,
    hops: [
      {
        chan_id: CHANNEL_ID,
        chan_capacity: CHANNEL_CAPACITY_SAT,
        amt_to_forward: sat,
        fee: '0',
        expiry: timeLock,
        amt_to_forward_msat: msat,
        fee_msat: '0',
        pub_key: pubkey,
        tlv_payload: true,
        mpp_record: { payment_addr: paymentAddr, total_amt_msat: msat },
        custom_records: {},
      },
    ],
  };
}

/** Payment identity shared by the updates of one SendPaymentV2 stream. */
export interface PaymentMeta {
  index: number;
  createdNs: bigint;
  pubkey: string;
}

/** The IN_FLIGHT update LND sends first. */
export function inFlightMessage(outcome: PaymentOutcome, meta: PaymentMeta): Message {
  return baseMessage(outcome, meta, 'IN_FLIGHT');
}

/** The final SUCCEEDED (with one settled HTLC attempt) or FAILED update. */
export function finalMessage(outcome: PaymentOutcome, meta: PaymentMeta): Message {
  if (!outcome.ok)
    return { ...baseMessage(outcome, meta, 'FAILED'), failure_reason: outcome.reason };
  const { invoice } = outcome;
  const nowNs = (BigInt(Date.now()) * 1_000_000n).toString();
  return {
    ...baseMessage(outcome, meta, 'SUCCEEDED'),
    payment_preimage: invoice.preimage,
    htlcs: [
      {
        attempt_id: String(meta.index),
        status: 'SUCCEEDED',
        route: routeMessage(
          meta.pubkey,
          outcome.amountMsat,
          Buffer.from(invoice.paymentAddr, 'hex'),
          invoice.cltvExpiry,
        ),
        attempt_time_ns: meta.createdNs.toString(),
        resolve_time_ns: nowNs,
        preimage: Buffer.from(invoice.preimage, 'hex'),
      },
    ],
  };
}

function baseMessage(outcome: PaymentOutcome, meta: PaymentMeta, status: string): Message {
  const sat = (outcome.amountMsat / 1000n).toString();
  return {
    payment_hash: outcome.hash,
    value: sat,
    creation_date: (meta.createdNs / 1_000_000_000n).toString(),
    path: [],
    fee: '0',
    payment_preimage: '',
    value_sat: sat,
    value_msat: outcome.amountMsat.toString(),
    payment_request: outcome.request,
    status,
    fee_sat: '0',
    fee_msat: '0',
    creation_time_ns: meta.createdNs.toString(),
    htlcs: [],
    payment_index: String(meta.index),
    failure_reason: 'FAILURE_REASON_NONE',
  };
}
