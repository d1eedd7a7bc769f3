import type { AppContext } from '../app-context';
import { expireOrders } from './expire-orders';
import { reconcilePendingOrders } from './reconcile-pending';

const EXPIRY_CHECK_MS = 5_000;

/**
 * The background side of orders: follow the node's payments into the settlement queue,
 * reconcile pending orders whenever the stream (re)connects, expire unpaid orders, and log
 * each order's fate with its id.
 * Returns a stop function.
 */
export function followPayments(context: AppContext): () => void {
  const { db, lightning, log, settlements, metrics } = context;
  const settle = (hash: string) => settlements.settle(hash);
  const stopFollowing = lightning.followPayments({
    onPaid: (hash) => void settle(hash),
    onConnected: () => {
      log.info('invoice stream connected; reconciling pending orders');
      reconcilePendingOrders(db, lightning, settle)
        .then(
          (paid) => paid > 0 && log.info({ paid }, 'reconciled payments made while disconnected'),
        )
        .catch((error: unknown) => log.error({ err: error }, 'reconciling pending orders failed'));
    },
    onDisconnected: (error, retryInMs) => {
      metrics.invoiceStreamReconnects.inc();
      log.warn({ err: error, retryInMs }, 'invoice stream lost; reconnecting');
    },
  });
  context.changeLog.onApplied((changes, origin) => {
    if (origin !== 'written') return; // another instance painted it, and logged it
    for (const change of changes) {
      if (change.kind === 'paint' && change.orderId) {
        log.info(
          { orderId: change.orderId, seq: change.seq, pixels: change.pixels.xs.length },
          'order paid and painted',
        );
      }
    }
  });
  const expiryTimer = setInterval(() => {
    expireOrders(db, context.orderEvents)
      .then((expired) => {
        metrics.ordersExpired.inc(expired.length);
        for (const orderId of expired) log.info({ orderId }, 'order expired unpaid');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'expiring orders failed'));
  }, EXPIRY_CHECK_MS);
  return () => {
    stopFollowing();
    clearInterval(expiryTimer);
  };
}
