import { markOrdersExpired, ordersToCheck, type OrderToCheck } from '../../db/queries/orders';
import type { Db } from '../../db/pool';
import { NodeError, type LightningNode } from '../lightning/lightning-node';
import { invoiceFate } from './invoice-fate';
import type { SettlementOutcome } from './settlement-queue';

export interface CheckOrdersDeps {
  db: Db;
  lightning: Pick<LightningNode, 'lookupInvoice'>;
  settle: (paymentHash: string) => Promise<SettlementOutcome>;
  now?: () => Date;
}

export interface CheckScope {
  /** Only pending orders due by then (expiry checks); all pending ones when absent. */
  dueBy?: Date;
  /** Also orders expired after this time. */
  expiredSince?: Date;
  /**
   * Asks one invoice at a time, spread evenly over about this long, instead of eight at once.
   * For the routine sweep of every pending order: in a burst it would hold up settlements (on
   * this process, the database and the node) for as long as it lasts, and it has the whole
   * interval to finish.
   */
  spreadOverMs?: number;
}

export interface CheckResult {
  checked: number;
  /** Orders the node says are paid, handed to settlement (painted or set aside). */
  paid: number;
  paidHashes: string[];
  /** Ids of orders that expired on the node's word. */
  expired: string[];
  /** Lookups the node refused for one order (logged by the caller); the others went on. */
  failed: Array<{ paymentHash: string; error: NodeError }>;
}

const CONCURRENT_LOOKUPS = 8;

/**
 * Asks the node about each order in `scope` and acts on its word: paid ones are settled, ones
 * it canceled or deleted (or left open well past their expiry) are expired, the rest wait.
 * The app's clock alone never expires an order. A node outage (unreachable, locked, starting)
 * stops the pass and is thrown: the next pass starts over. Any other refusal concerns that one
 * order and the pass goes on.
 */
export async function checkOrdersWithNode(
  deps: CheckOrdersDeps,
  scope: CheckScope,
): Promise<CheckResult> {
  const orders = await ordersToCheck(deps.db, scope);
  const now = deps.now ?? (() => new Date());
  const result: CheckResult = { checked: 0, paid: 0, paidHashes: [], expired: [], failed: [] };
  const toExpire: string[] = [];
  let outage: NodeError | undefined;
  let next = 0;
  const checkOne = async (order: OrderToCheck) => {
    let invoice;
    try {
      invoice = await deps.lightning.lookupInvoice(order.paymentHash);
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      if (error.isOutage) outage ??= error;
      else result.failed.push({ paymentHash: order.paymentHash, error });
      return;
    }
    result.checked++;
    const fate = invoiceFate(invoice, now());
    if (fate === 'settle') {
      result.paid++;
      result.paidHashes.push(order.paymentHash);
      await deps.settle(order.paymentHash);
    } else if (fate === 'expire' && order.status === 'pending') {
      toExpire.push(order.paymentHash);
    }
  };
  const spread = scope.spreadOverMs;
  const pauseMs = spread === undefined ? 0 : spread / Math.max(orders.length, 1);
  const worker = async () => {
    while (next < orders.length && !outage) {
      await checkOne(orders[next++]);
      if (pauseMs > 0 && next < orders.length) await sleep(pauseMs);
    }
  };
  await Promise.all(Array.from({ length: spread === undefined ? CONCURRENT_LOOKUPS : 1 }, worker));
  result.expired = await markOrdersExpired(deps.db, toExpire);
  if (outage) throw outage;
  return result;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
