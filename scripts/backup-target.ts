import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  embeddedClusterDir,
  findRunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from '../db/embedded-postgres';
import { ConfigError, loadConfig } from '../server/config';
import { SetupError } from '../db/setup-error';

/** A problem the operator can fix, said in one sentence (printed without a stack trace). */
export { SetupError };

export interface BoardDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * The board's database as the app itself finds it, from the same environment: DATABASE_URL,
 * else the embedded PostgreSQL of DATA_DIR. A backup uses the running app's embedded server
 * when there is one, else starts it for the while; a restore needs the data dir to itself.
 */
export async function openBoardDatabase(
  purpose: 'backup' | 'restore',
  log: (message: string) => void,
): Promise<BoardDatabase> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError)
      throw new SetupError(`Invalid configuration: ${error.message}.`);
    throw error;
  }
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => undefined };
  const { dataDir } = config;
  if (purpose === 'backup') {
    const running = await findRunningEmbeddedPostgres(dataDir);
    if (running) return { url: running, close: async () => undefined };
    if (!existsSync(path.join(await embeddedClusterDir(dataDir), 'PG_VERSION'))) {
      throw new SetupError(`There is no board in DATA_DIR ${dataDir} to back up.`);
    }
  }
  try {
    const embedded = await startEmbeddedPostgres(dataDir, log);
    return { url: embedded.url, close: () => embedded.stop() };
  } catch (error) {
    const message = (error as Error).message;
    if (/in use by another Boltboard process/.test(message)) {
      throw new SetupError(`${message}: stop Boltboard before restoring into its DATA_DIR.`);
    }
    throw error;
  }
}

/** Runs a command-line tool: one sentence on failure, never a stack trace for known problems. */
export function runTool(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const known = error instanceof Error && /SetupError|RefusedError/.test(error.name);
      console.error(known ? error.message : `Failed: ${(error as Error).message ?? String(error)}`);
      process.exit(1);
    },
  );
}
