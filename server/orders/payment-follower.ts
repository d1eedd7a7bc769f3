import type { Logger } from 'pino';
import { loadSettleIndex, saveSettleIndex } from '../../db/queries/invoice-cursor';
import type { Db } from '../../db/pool';
import { NodeError, type LightningNode } from '../lightning/lightning-node';
import type { Metrics } from '../observability/metrics';
import { checkOrdersWithNode, type CheckScope } from './check-orders';
import type { OrderEvents } from './order-events';
import { SettleCursor } from './settle-cursor';
import type { SettlementQueue } from './settlement-queue';

export interface FollowPaymentsDeps {
  db: Db;
  lightning: LightningNode;
  settlements: Pick<SettlementQueue, 'settle'>;
  orderEvents: Pick<OrderEvents, 'publish'>;
  metrics: Pick<Metrics, 'ordersExpired' | 'invoiceStreamReconnects' | 'invoiceStreamSilences'>;
  log: Logger;
  /** Names the node in the stored settle cursor (a different node starts from 0). */
  nodeKey: string;
  /** Every this often, every pending order is checked with the node (a silent stream misses nothing). */
  checkEveryMs: number;
}

/** Orders due for expiry are checked this often; an expiry needs the node's word. */
const DUE_CHECK_MS = 5_000;
/** On each (re)connection, orders expired this recently are checked again too. */
const RECHECK_EXPIRED_MS = 24 * 3_600_000;
/** Payment hashes the stream delivered, remembered to tell a silent stream (bounded). */
const STREAM_SEEN_MAX = 10_000;

/**
 * The background side of orders, which no payment can slip through:
 * - the node's invoice stream, resubscribed with LND's replay from the settle index painted so
 *   far (kept in the database), feeds the settlement queue;
 * - on every (re)connection, pending and recently expired orders are checked with the node;
 * - on a timer, every pending order is checked too, and when that finds a payment the stream
 *   never delivered, the stream is taken as silent and resubscribed;
 * - orders expire only on the node's word (canceled, deleted, or open well past expiry).
 * Returns a stop function.
 */
export async function followPayments(deps: FollowPaymentsDeps): Promise<() => void> {
  const { db, lightning, log, metrics } = deps;
  const cursor = new SettleCursor(await loadSettleIndex(db, deps.nodeKey));
  const persistCursor = latestOnly((position: number) =>
    saveSettleIndex(db, deps.nodeKey, position),
  );
  const streamSeen = new Set<string>();
  let stopped = false;

  const settle = (paymentHash: string) => deps.settlements.settle(paymentHash);
  const stream = lightning.followPayments({
    settledAfter: () => cursor.position,
    onPaid: (paymentHash, settleIndex) => {
      remember(streamSeen, paymentHash);
      cursor.begin(settleIndex);
      void settle(paymentHash).then(() => {
        persistCursor(cursor.finish(settleIndex)).catch((error: unknown) =>
          log.warn({ err: error }, 'saving the settle index failed; replay will start earlier'),
        );
      });
    },
    onConnected: () => {
      log.info({ settledAfter: cursor.position }, 'invoice stream connected; checking orders');
      void runCheck('reconnect', { expiredSince: new Date(Date.now() - RECHECK_EXPIRED_MS) });
    },
    onDisconnected: (error, retryInMs) => {
      metrics.invoiceStreamReconnects.inc();
      log.warn({ err: error, retryInMs }, 'invoice stream lost; reconnecting');
    },
  });

  const running = new Set<string>();
  const failing = new Set<string>(); // log an outage once per pass kind, not every 5 s
  async function runCheck(kind: string, scope: CheckScope): Promise<void> {
    if (stopped || running.has(kind)) return;
    running.add(kind);
    try {
      const result = await checkOrdersWithNode({ db, lightning, settle }, scope);
      for (const id of result.expired) {
        deps.orderEvents.publish({ id, status: 'expired' });
        log.info({ orderId: id }, 'order expired unpaid (the node says so)');
      }
      metrics.ordersExpired.inc(result.expired.length);
      for (const { paymentHash, error } of result.failed) {
        log.warn({ err: error, paymentHash }, 'the node refused to look up an invoice');
      }
      if (result.paid > 0) log.info({ paid: result.paid, kind }, 'orders found paid by checking');
      if (kind === 'all-pending') detectSilence(result.paidHashes);
      failing.delete(kind);
    } catch (error) {
      const outage = error instanceof NodeError && error.isOutage;
      if (!outage) log.error({ err: error, kind }, 'checking orders with the node failed');
      else if (!failing.has(kind))
        log.warn({ err: error, kind }, 'the node cannot check orders now');
      failing.add(kind);
    } finally {
      running.delete(kind);
    }
  }

  function detectSilence(paidHashes: string[]) {
    const missed = paidHashes.filter((hash) => !streamSeen.has(hash));
    if (missed.length === 0) return;
    metrics.invoiceStreamSilences.inc();
    log.warn({ missed: missed.length }, 'invoice stream missed payments: resubscribing');
    stream.restart();
  }

  const dueTimer = setInterval(() => void runCheck('due', { dueBy: new Date() }), DUE_CHECK_MS);
  const allTimer = setInterval(
    () => void runCheck('all-pending', { spreadOverMs: deps.checkEveryMs / 2 }),
    deps.checkEveryMs,
  );
  return () => {
    stopped = true;
    stream.stop();
    clearInterval(dueTimer);
    clearInterval(allTimer);
  };
}

function remember(seen: Set<string>, hash: string) {
  seen.add(hash);
  if (seen.size > STREAM_SEEN_MAX) seen.delete(seen.values().next().value as string);
}

/** Wraps an async writer so at most one call runs, and only the latest waiting value is written next. */
function latestOnly(write: (value: number) => Promise<void>): (value: number) => Promise<void> {
  let running: Promise<void> | null = null;
  let pending: number | null = null;
  const pump = async (): Promise<void> => {
    while (pending !== null) {
      const value = pending;
      pending = null;
      await write(value);
    }
    running = null;
  };
  return (value) => {
    pending = Math.max(pending ?? 0, value);
    running ??= pump();
    return running;
  };
}
