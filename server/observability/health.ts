import type { Db } from '../../db/pool';
import type { LightningNode } from '../lightning/lightning-node';

export interface HealthReport {
  ok: boolean;
  database: 'up' | 'down';
  lightning: 'up' | 'down';
}

const CHECK_TIMEOUT_MS = 2_000;

/** Asks PostgreSQL and the Lightning node, each within a short timeout. */
export async function checkHealth(db: Db, lightning: LightningNode): Promise<HealthReport> {
  const [database, node] = await Promise.all([
    withinTimeout(db.query('SELECT 1')),
    withinTimeout(lightning.describe()),
  ]);
  return {
    ok: database && node,
    database: database ? 'up' : 'down',
    lightning: node ? 'up' : 'down',
  };
}

async function withinTimeout(check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)),
  );
  try {
    return await Promise.race([
      check.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
