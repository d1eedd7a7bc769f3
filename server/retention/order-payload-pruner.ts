import { pruneExpiredOrderPayloads } from '../../db/queries/orders-retention';
import type { AppContext } from '../app-context';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Prunes the pixel payloads of unpaid orders expired longer than ORDER_PAYLOAD_RETENTION_HOURS,
 * once at start and then hourly, batch after batch until none is left. Returns a stop function.
 */
export function startOrderPayloadPruning(context: AppContext): () => void {
  const hours = context.config.edge.orderPayloadRetentionHours;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    let pruned = 0;
    for (;;) {
      if (stopped) return;
      const batch = await pruneExpiredOrderPayloads(context.db, hours);
      pruned += batch;
      if (batch === 0) break;
    }
    if (pruned > 0) context.log.info({ pruned, hours }, 'expired orders pixel payloads pruned');
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      run()
        .catch((error: unknown) => context.log.warn({ err: error }, 'order pruning failed'))
        .finally(() => {
          if (!stopped) schedule(PRUNE_EVERY_MS);
        });
    }, delay);
    timer.unref();
  };
  schedule(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
