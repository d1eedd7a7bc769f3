import type { Logger } from 'pino';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';
import { createPool, type Db } from '../db/pool';
import type { Config } from './config';

export interface StartedDatabase {
  /** Settlement's pool, and every write. */
  db: Db;
  /** A small pool of its own for history reads, so readers never take settlement's connections. */
  readDb: Db;
  /** Where both pools connect: DATABASE_URL, or the embedded PostgreSQL. */
  url: string;
  stop(): Promise<void>;
}

/** Connections for history reads (past boards, catch-up beyond memory), apart from settlement's. */
const HISTORY_READ_CONNECTIONS = 3;

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR when none is set,
 * and applies the migrations. Returns the two pools and a stop that closes them (and the
 * embedded server); a failed start closes what it opened.
 */
export async function startDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  log: Logger,
): Promise<StartedDatabase> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of [...stops].reverse()) await step();
  };
  try {
    let url = config.databaseUrl;
    if (!url) {
      const embedded = await startEmbeddedPostgres(config.dataDir, (message) => log.info(message));
      stops.push(() => embedded.stop());
      log.info('embedded PostgreSQL started');
      url = embedded.url;
    }
    const db = createPool(url, (error) =>
      log.warn({ err: error }, 'idle database connection failed'),
    );
    stops.push(() => db.end());
    const readDb = createPool(
      url,
      (error) => log.warn({ err: error }, 'idle history-read connection failed'),
      HISTORY_READ_CONNECTIONS,
    );
    stops.push(() => readDb.end());
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    return { db, readDb, url, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
