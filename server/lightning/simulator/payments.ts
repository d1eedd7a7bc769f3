// Payment resolution: a payment can only reach this simulated node, so it settles one of its own
// invoices or fails the way LND reports it (no route to a foreign node, incorrect details otherwise).
import * as grpc from '@grpc/grpc-js';
import { parseRequest } from './bolt11';
import { bytes, int, str, type Message } from './fields';
import type { StoredInvoice } from './invoice';
import type { InvoiceStore } from './invoice-store';
import { RpcError } from './rpc-error';

/** LND failure reasons the simulator produces (lnrpc.PaymentFailureReason names). */
export type FailureReason = 'FAILURE_REASON_NO_ROUTE' | 'FAILURE_REASON_INCORRECT_PAYMENT_DETAILS';

/** Result of a payment attempt. */
export type PaymentOutcome =
  | { ok: true; hash: string; amountMsat: bigint; request: string; invoice: StoredInvoice }
  | { ok: false; hash: string; amountMsat: bigint; request: string; reason: FailureReason };

const invalid = (message: string): RpcError => new RpcError(grpc.status.INVALID_ARGUMENT, message);

interface Target {
  hash: string;
  destination: string;
  amountMsat: bigint;
  request: string;
}

/** Reads what to pay from a routerrpc.SendPaymentRequest or lnrpc.SendRequest; throws INVALID_ARGUMENT like LND. */
export function paymentTarget(request: Message): Target {
  const amt = int(request, 'amt');
  const amtMsat = int(request, 'amt_msat');
  if (amt !== 0n && amtMsat !== 0n) throw invalid('amt and amt_msat are mutually exclusive');
  const given = amtMsat !== 0n ? amtMsat : amt * 1000n;
  const paymentRequest = str(request, 'payment_request');
  if (paymentRequest) {
    const parsed = parseRequest(paymentRequest);
    if (!parsed) throw invalid('invalid payment request');
    if (parsed.network !== 'regtest')
      throw invalid("invoice not for current active network 'regtest'");
    const requested = BigInt(parsed.mtokens ?? '0');
    if (requested > 0n && given > 0n)
      throw invalid('amount must not be specified when paying a non-zero amount invoice');
    if (requested === 0n && given === 0n)
      throw invalid('amount must be specified when paying a zero amount invoice');
    return {
      hash: parsed.id,
      destination: parsed.destination,
      amountMsat: requested || given,
      request: paymentRequest,
    };
  }
  const hash = bytes(request, 'payment_hash');
  const dest = bytes(request, 'dest');
  if (hash.length !== 32) throw invalid('payment hash must be exactly 32 bytes');
  if (dest.length !== 33) throw invalid('destination must be a 33-byte public key');
  if (given <= 0n) throw invalid('amount must be greater than zero');
  return {
    hash: hash.toString('hex'),
    destination: dest.toString('hex'),
    amountMsat: given,
    request: '',
  };
}

/**
 * Pays `target` from the simulated wallet: settles the matching invoice of this node (durably)
 * or fails with NO_ROUTE (foreign destination) / INCORRECT_PAYMENT_DETAILS (unknown or deleted,
 * canceled, already paid or underpaid invoice). `nowMs` is the node's clock.
 */
export async function executePayment(
  store: InvoiceStore,
  ownPubkey: string,
  target: Target,
  nowMs: number,
): Promise<PaymentOutcome> {
  const base = { hash: target.hash, amountMsat: target.amountMsat, request: target.request };
  if (target.destination !== ownPubkey)
    return { ...base, ok: false, reason: 'FAILURE_REASON_NO_ROUTE' };
  const result = await store.settle(target.hash, target.amountMsat, nowMs);
  if (!result.ok) return { ...base, ok: false, reason: 'FAILURE_REASON_INCORRECT_PAYMENT_DETAILS' };
  return { ...base, ok: true, invoice: result.invoice };
}
