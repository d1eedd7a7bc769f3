import { pruneExpiredOrderPayloads } from '../../db/queries/orders-retention';
import type { Logger } from 'pino';
import type { Db } from '../../db/pool';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface OrderPayloadPruningDeps {
  db: Db;
  /** ORDER_PAYLOAD_RETENTION_HOURS. */
  orderPayloadRetentionHours: number;
  log: Logger;
}

/**
 * Prunes the pixel payloads of unpaid orders expired longer than ORDER_PAYLOAD_RETENTION_HOURS,
 * once at start and then hourly, batch after batch until none is left. Returns a stop function.
 */
export function startOrderPayloadPruning(deps: OrderPayloadPruningDeps): () => void {
  const { db, log, orderPayloadRetentionHours: hours } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    let pruned = 0;
    for (;;) {
      if (stopped) return;
      const batch = await pruneExpiredOrderPayloads(db, hours);
      pruned += batch;
      if (batch === 0) break;
    }
    if (pruned > 0) log.info({ pruned, hours }, 'expired orders pixel payloads pruned');
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      run()
        .catch((error: unknown) => log.warn({ err: error }, 'order pruning failed'))
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
