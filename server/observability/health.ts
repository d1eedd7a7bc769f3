import { countUnpaintedOrders } from '../../db/queries/unpainted-orders';
import type { Db } from '../../db/pool';
import type { NodeState, NodeWatcher } from '../lightning/node-watcher';

export interface HealthReport {
  ok: boolean;
  database: 'up' | 'down';
  lightning: 'up' | Exclude<NodeState, 'ready'>;
  /** Why the node is not ready, in one sentence for the operator. */
  lightningReason?: string;
  /** Paid orders set aside because their settlement could not be written (admin: unpainted orders). */
  unpaintedOrders?: number;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Asks PostgreSQL and the Lightning node, each within a short timeout. `ok` (HTTP 200) needs
 * both; set-aside settlements are reported but are no outage.
 */
export async function checkHealth(db: Db, node: Pick<NodeWatcher, 'check'>): Promise<HealthReport> {
  const [unpainted, nodeReport] = await Promise.all([
    withinTimeout(countUnpaintedOrders(db)),
    node.check(),
  ]);
  const databaseUp = unpainted !== undefined;
  return {
    ok: databaseUp && nodeReport.state === 'ready',
    database: databaseUp ? 'up' : 'down',
    lightning: nodeReport.state === 'ready' ? 'up' : nodeReport.state,
    ...(nodeReport.reason ? { lightningReason: nodeReport.reason } : {}),
    ...(unpainted !== undefined ? { unpaintedOrders: unpainted } : {}),
  };
}

async function withinTimeout<T>(check: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), CHECK_TIMEOUT_MS)),
  );
  try {
    return await Promise.race([check.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
