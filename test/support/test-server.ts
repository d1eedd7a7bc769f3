import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startBoltboard, type RunningBoltboard } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createTestDatabase } from './test-database';

export interface TestServer extends RunningBoltboard {
  databaseUrl: string;
  dataDir: string;
  /** Stops the server, keeping its database and data dir (for restart tests). */
  stop(): Promise<void>;
  /** Stops the server and removes its database and data dir. */
  destroy(): Promise<void>;
}

/**
 * A Boltboard API server (no pages) on a free port, with its own database on the test
 * PostgreSQL and, unless LND_* is given, its own in-process simulator. `env` overrides config.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  reuse?: { databaseUrl: string; dataDir: string },
): Promise<TestServer> {
  const database = reuse ? null : await createTestDatabase();
  const databaseUrl = reuse?.databaseUrl ?? database!.url;
  const dataDir = reuse?.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'boltboard-test-')));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ORDER_RATE_LIMIT_PER_MINUTE: '100000',
    MAX_OPEN_ORDERS_PER_CLIENT: '100000',
    SOCKET_EVENTS_PER_MINUTE: '100000000',
    ...env,
  });
  const app = await startBoltboard(config, {
    next: false,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  return {
    ...app,
    databaseUrl,
    dataDir,
    stop: () => app.close(),
    destroy: async () => {
      await app.close();
      await database?.drop();
      if (!reuse) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
