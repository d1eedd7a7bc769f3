import type { Change } from '../../../protocol/changes';
import { paymentRequestsOf, paintStatsLastDay } from '../../../db/queries/paint-stats';
import type { Logger } from 'pino';
import type { Db } from '../../../db/pool';
import type { AppliedListener } from '../../history/change-log';
import type { OrderEvents } from '../../orders/order-events';
import type { CoalescedBoardPushes } from './board-pushes';
import type { LegacyNamespace } from './legacy-namespace';

const STATS_EVERY_MS = 5_000;

/** Who made an order on this namespace, for ORDER_SETTLED's `sessionId` and `paymentRequest`. */
export type LegacySessions = Map<string, { sessionId: string; paymentRequest: string }>;

export interface SettledPushesDeps {
  /** Where the invoices of orders made elsewhere, and the day's stats, are read. */
  db: Db;
  /** Expired orders are forgotten. */
  orderEvents: OrderEvents;
  log: Logger;
}

/**
 * Hands each paid paint to the namespace's coalesced pushes as an ORDER_SETTLED (who ordered it,
 * its invoice), and pushes BROADCAST_STATS at most every few seconds after paints. Only this
 * namespace gets the board image; the default namespace keeps its small `changes` messages.
 * Returns the listener for committed changes (server/after-commit.ts calls it) and a stop.
 */
export function startSettledPushes(
  nsp: LegacyNamespace,
  deps: SettledPushesDeps,
  sessions: LegacySessions,
  pushes: CoalescedBoardPushes,
): { onApplied: AppliedListener; stop: () => void } {
  let stopped = false;
  let statsTimer: NodeJS.Timeout | undefined;

  const pushStats = async () => {
    statsTimer = undefined;
    if (stopped || nsp.sockets.size === 0) return;
    const stats = await paintStatsLastDay(deps.db);
    nsp.local.emit('BROADCAST_STATS', {
      data: { pixelsPerDay: stats.pixels, transactionsPerDay: stats.transactions },
    });
  };
  const settled = async (paints: Change[], known: LegacySessions) => {
    const unknown = paints.map((change) => change.orderId!).filter((id) => !known.has(id));
    const requests = unknown.length > 0 ? await paymentRequestsOf(deps.db, unknown) : new Map();
    return paints.map((change) => {
      const id = change.orderId!;
      const session = known.get(id);
      return {
        paymentRequest: session?.paymentRequest ?? requests.get(id) ?? '',
        sessionId: session?.sessionId ?? id,
        pixelsPaintedCount: change.pixels.xs.length,
      };
    });
  };
  // Lookups may finish out of order; pushes keep the order orders were settled in.
  let inOrder: Promise<unknown> = Promise.resolve();

  const onApplied: AppliedListener = (changes) => {
    const paints = changes.filter((change) => change.kind === 'paint' && change.orderId !== null);
    if (stopped || paints.length === 0) return;
    const known: LegacySessions = new Map();
    for (const { orderId } of paints) {
      const session = sessions.get(orderId!);
      if (session) known.set(orderId!, session);
      sessions.delete(orderId!);
    }
    if (nsp.sockets.size === 0) return;
    const fail = (error: unknown) => deps.log.warn({ err: error }, 'satoshis.place push failed');
    const orders = settled(paints, known);
    inOrder = inOrder.then(() => orders.then((list) => pushes.add(list)).catch(fail));
    statsTimer ??= setTimeout(() => void pushStats().catch(fail), STATS_EVERY_MS);
  };
  const unsubscribe = deps.orderEvents.subscribe((event) => {
    if (event.status === 'expired') sessions.delete(event.id);
  });
  return {
    onApplied,
    stop: () => {
      stopped = true;
      pushes.stop();
      clearTimeout(statsTimer);
      unsubscribe();
    },
  };
}
