// Standalone regtest LND simulator: `npm run lnd-sim -- [--port P] [--dir D]`.
// Prints one JSON line to stdout once listening: {"host","certPath","macaroonPath"}; logs go to stderr.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLndSimulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      dir: { type: 'string', default: './data/lnd-sim' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'usage: lnd-sim [--port PORT] [--dir DIR]   (regtest LND simulator for dev/test)\n',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port ${values.port}`);
  const dir = path.resolve(values.dir);
  const log = (msg: string): void => void process.stderr.write(`[lnd-sim] ${msg}\n`);
  log('SIMULATOR: this is the boltboard regtest LND simulator, not a real Lightning node');
  const sim = await startLndSimulator({ dir, port, logger: log });
  process.stdout.write(
    `${JSON.stringify({ host: sim.host, certPath: sim.certPath, macaroonPath: sim.macaroonPath })}\n`,
  );

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal} received, stopping`);
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`stop failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`[lnd-sim] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
