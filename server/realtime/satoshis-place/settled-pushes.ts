import { paymentRequestsOf, paintStatsLastDay } from '../../../db/queries/paint-stats';
import type { AppContext } from '../../app-context';
import type { AppliedChange } from '../../history/change-log';
import type { BoardDataUrl } from './board-data-url';
import type { LegacyNamespace } from './legacy-namespace';

const STATS_EVERY_MS = 5_000;

/** Who made an order on this namespace, for ORDER_SETTLED's `sessionId` and `paymentRequest`. */
export type LegacySessions = Map<string, { sessionId: string; paymentRequest: string }>;

/**
 * Pushes ORDER_SETTLED (with the board image, encoded once per seq) to the namespace's sockets
 * after each paid paint, and BROADCAST_STATS at most every few seconds after paints. Only this
 * namespace gets the image; the default namespace keeps its small `changes` messages.
 * Returns a function that stops the pushes.
 */
export function startSettledPushes(
  nsp: LegacyNamespace,
  context: AppContext,
  sessions: LegacySessions,
  image: BoardDataUrl,
): () => void {
  let stopped = false;
  let statsTimer: NodeJS.Timeout | undefined;

  const pushStats = async () => {
    statsTimer = undefined;
    if (stopped || nsp.sockets.size === 0) return;
    const stats = await paintStatsLastDay(context.db);
    nsp.local.emit('BROADCAST_STATS', {
      data: { pixelsPerDay: stats.pixels, transactionsPerDay: stats.transactions },
    });
  };
  const settled = async (paints: AppliedChange[], known: LegacySessions) => {
    const unknown = paints.map((change) => change.orderId!).filter((id) => !known.has(id));
    const requests = unknown.length > 0 ? await paymentRequestsOf(context.db, unknown) : new Map();
    const url = await image.get();
    for (const change of paints) {
      const id = change.orderId!;
      const session = known.get(id);
      nsp.local.emit('ORDER_SETTLED', {
        data: {
          image: url,
          paymentRequest: session?.paymentRequest ?? requests.get(id) ?? '',
          sessionId: session?.sessionId ?? id,
          pixelsPaintedCount: change.pixels.xs.length,
        },
      });
    }
  };

  context.changeLog.onApplied((changes) => {
    const paints = changes.filter((change) => change.kind === 'paint' && change.orderId !== null);
    if (stopped || paints.length === 0) return;
    const known: LegacySessions = new Map();
    for (const { orderId } of paints) {
      const session = sessions.get(orderId!);
      if (session) known.set(orderId!, session);
      sessions.delete(orderId!);
    }
    if (nsp.sockets.size === 0) return;
    const fail = (error: unknown) => context.log.warn({ err: error }, 'satoshis.place push failed');
    settled(paints, known).catch(fail);
    statsTimer ??= setTimeout(() => void pushStats().catch(fail), STATS_EVERY_MS);
  });
  const unsubscribe = context.orderEvents.subscribe((event) => {
    if (event.status === 'expired') sessions.delete(event.id);
  });
  return () => {
    stopped = true;
    clearTimeout(statsTimer);
    unsubscribe();
  };
}
