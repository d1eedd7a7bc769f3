// routerrpc.Router/SendPaymentV2 and lnrpc.Lightning/SendPaymentSync.
import type { StreamImpl, UnaryImpl } from './auth';
import type { InvoiceStore } from './invoice-store';
import { finalMessage, inFlightMessage, routeMessage, type PaymentMeta } from './payment-message';
import { executePayment, paymentTarget } from './payments';

/** What the payment RPCs need from the simulator. */
export interface PaymentRpcContext {
  store: InvoiceStore;
  /** Hex identity key of this node. */
  pubkey: string;
  /** Returns the next payment index (1, 2, ...). */
  nextPaymentIndex: () => number;
  /** The node's clock (ms since the epoch). */
  nowMs: () => number;
}

function newMeta(ctx: PaymentRpcContext): PaymentMeta {
  return {
    index: ctx.nextPaymentIndex(),
    createdNs: BigInt(ctx.nowMs()) * 1_000_000n,
    pubkey: ctx.pubkey,
  };
}

/**
 * SendPaymentV2: streams IN_FLIGHT then SUCCEEDED (after the settle is durable) or FAILED, then
 * ends. Invalid requests (bad payment request, wrong network, amount rules) end with INVALID_ARGUMENT.
 */
export function sendPaymentV2(ctx: PaymentRpcContext): StreamImpl {
  return async (call) => {
    const target = paymentTarget(call.request);
    const meta = newMeta(ctx);
    let cancelled = false;
    call.on('cancelled', () => {
      cancelled = true;
    });
    const outcome = await executePayment(ctx.store, ctx.pubkey, target, ctx.nowMs());
    if (cancelled) return;
    call.write(inFlightMessage(outcome, meta));
    call.write(finalMessage(outcome, meta));
    call.end();
  };
}

/** SendPaymentSync: same payment logic; failures are reported in payment_error like LND. */
export function sendPaymentSync(ctx: PaymentRpcContext): UnaryImpl {
  return async (request) => {
    const target = paymentTarget(request);
    ctx.nextPaymentIndex();
    const outcome = await executePayment(ctx.store, ctx.pubkey, target, ctx.nowMs());
    const hash = Buffer.from(outcome.hash, 'hex');
    if (!outcome.ok) {
      const error = outcome.reason.replace('FAILURE_REASON_', '').toLowerCase();
      return { payment_error: error, payment_preimage: Buffer.alloc(0), payment_hash: hash };
    }
    const { invoice } = outcome;
    return {
      payment_error: '',
      payment_preimage: Buffer.from(invoice.preimage, 'hex'),
      payment_route: routeMessage(
        ctx.pubkey,
        outcome.amountMsat,
        Buffer.from(invoice.paymentAddr, 'hex'),
        invoice.cltvExpiry,
      ),
      payment_hash: hash,
    };
  };
}
