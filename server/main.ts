import { SetupError } from '../db/setup-error';
import { startBoltboard } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

/** Entry point: `tsx server/main.ts [--dev | --api-only]`. Wiring only; see app.ts. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const dev = process.argv.includes('--dev');
  // --api-only: HTTP API and socket.io without the pages (benchmarks, headless instances).
  const next = process.argv.includes('--api-only') ? false : { dev };
  const app = await startBoltboard(config, { next, log });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A set-up problem is one sentence for the operator; anything else is a bug, with its stack.
  if (error instanceof SetupError) console.error(`Boltboard cannot start: ${error.message}`);
  else console.error('Boltboard failed to start:', error);
  process.exit(1);
});
