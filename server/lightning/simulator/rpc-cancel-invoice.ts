// invoicesrpc.Invoices/CancelInvoice (what ln-service's cancelHodlInvoice calls), with LND's
// answers: canceling a canceled invoice succeeds; a settled or unknown one is a plain error (UNKNOWN).
import * as grpc from '@grpc/grpc-js';
import type { UnaryImpl } from './auth';
import { bytes } from './fields';
import { RpcError } from './rpc-error';
import { invoiceNotFoundMessage, type InvoiceRpcContext } from './rpc-invoices';

/** CancelInvoice: cancels an open invoice (then deletes it when garbage collection is on). */
export function cancelInvoice(ctx: InvoiceRpcContext): UnaryImpl {
  return async (request) => {
    const hash = bytes(request, 'payment_hash');
    if (hash.length !== 32) {
      throw new RpcError(grpc.status.UNKNOWN, `invalid hash length of ${hash.length}, want 32`);
    }
    const result = await ctx.store.cancel(hash.toString('hex'));
    if (result === 'unknown') throw new RpcError(grpc.status.UNKNOWN, invoiceNotFoundMessage(ctx));
    if (result === 'already-settled')
      throw new RpcError(grpc.status.UNKNOWN, 'invoice already settled');
    return {};
  };
}
