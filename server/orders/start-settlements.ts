import type { Logger } from 'pino';
import type { Db } from '../../db/pool';
import { recordUnpaintedOrder } from '../../db/queries/unpainted-orders';
import type { ChangeLog } from '../history/change-log';
import type { Metrics } from '../observability/metrics';
import { settleOrders } from './settle-orders';
import { SettlementQueue } from './settlement-queue';

export interface StartSettlementsDeps {
  db: Db;
  /** Where paid orders are written as changes. */
  changeLog: ChangeLog;
  paletteSize: number;
  metrics: Metrics;
  log: Logger;
}

/**
 * The settlement queue every paid invoice goes through (stream, checks, `/api/dev/pay`):
 * group commits through `settleOrders`; a settlement that cannot be written is recorded as
 * unpainted and counted. Stop it with its `stop()`.
 */
export function startSettlements(deps: StartSettlementsDeps): SettlementQueue {
  const { db, changeLog, paletteSize, metrics, log } = deps;
  return new SettlementQueue({
    settleBatch: (hashes) => settleOrders({ changeLog, paletteSize }, hashes),
    setAside: async (hash, error) => {
      metrics.settlementsSetAside.inc();
      await recordUnpaintedOrder(db, hash, error instanceof Error ? error.message : String(error));
    },
    log,
    onSettled: (seconds) => metrics.settleSeconds.observe(seconds),
  });
}
