// lnrpc.Lightning/SubscribeInvoices with LND's semantics (invoices/invoiceregistry.go):
// a backlog only for non-zero add_index / settle_index, and no CANCELED or ACCEPTED events.
import { int } from './fields';
import { invoiceState, type StoredInvoice } from './invoice';
import { toRpcInvoice } from './invoice-message';
import type { StreamImpl } from './auth';
import type { InvoiceRpcContext } from './rpc-invoices';

/**
 * First replays invoices added after `add_index` (in their current state; canceled ones are
 * dropped as LND's dispatcher drops them) and settled after `settle_index`, then streams new
 * additions and settlements. Messages pass through the stream registry, which can silence them.
 */
export function subscribeInvoices(ctx: InvoiceRpcContext): StreamImpl {
  return (call) => {
    let addCursor = Number(int(call.request, 'add_index'));
    let settleCursor = Number(int(call.request, 'settle_index'));
    const send = (invoice: StoredInvoice): void => ctx.streams.deliver(call, toRpcInvoice(invoice));
    if (addCursor > 0) {
      for (const invoice of ctx.store.addedSince(addCursor)) {
        if (invoiceState(invoice) !== 'CANCELED') send(invoice);
      }
    }
    if (settleCursor > 0) ctx.store.settledSince(settleCursor).forEach(send);
    const published = ctx.store.cursors();
    addCursor = Math.max(addCursor, published.addIndex);
    settleCursor = Math.max(settleCursor, published.settleIndex);
    const unsubscribe = ctx.store.onEvent(({ kind, invoice }) => {
      if (kind === 'added' && invoice.addIndex > addCursor) {
        addCursor = invoice.addIndex;
        send(invoice);
      } else if (kind === 'settled' && invoice.settleIndex > settleCursor) {
        settleCursor = invoice.settleIndex;
        send(invoice);
      }
    });
    ctx.streams.add(call, unsubscribe);
  };
}
