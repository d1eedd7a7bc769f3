// Standalone regtest LND simulator: `npm run lnd-sim -- [options]` (see USAGE).
// Prints one JSON line to stdout once listening; logs go to stderr.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTROL_ROUTES_HELP, startControlServer } from './control-server';
import { isNodeState, startLndSimulator } from './index';

const USAGE = `usage: lnd-sim [options]   (boltboard regtest LND simulator for dev/test, not a real node)
  --port PORT                         gRPC port on 127.0.0.1 (0: a free one; default 0)
  --dir DIR                           data dir (default ./data/lnd-sim): tls.cert, admin.macaroon,
                                      invoice.macaroon, readonly.macaroon, node.key, invoices.jsonl
  --gc-canceled-invoices-on-the-fly   delete invoices once canceled or expired, as LND's flag does
  --clock-offset-ms MS                the node's clock runs MS ahead of the host's (may be negative)
  --state STATE                       start as ready | locked | starting | waiting-to-start
  --control-port PORT                 serve the control endpoint on 127.0.0.1:PORT (0: a free one)
stdout, once listening: {"host","certPath","macaroonPath","invoiceMacaroonPath","controlPort"?}
control endpoint (JSON bodies; errors as {"error":{"code","message"}}):
${CONTROL_ROUTES_HELP.map((line) => `  ${line}`).join('\n')}
`;

function portOption(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --${name} ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      dir: { type: 'string', default: './data/lnd-sim' },
      'gc-canceled-invoices-on-the-fly': { type: 'boolean', default: false },
      'clock-offset-ms': { type: 'string', default: '0' },
      state: { type: 'string', default: 'ready' },
      'control-port': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(USAGE);
    return;
  }
  const port = portOption('port', values.port);
  const clockOffsetMs = Number(values['clock-offset-ms']);
  if (!Number.isFinite(clockOffsetMs))
    throw new Error(`invalid --clock-offset-ms ${values['clock-offset-ms']}`);
  if (!isNodeState(values.state)) throw new Error(`invalid --state ${values.state}`);
  const controlPort =
    values['control-port'] === undefined
      ? undefined
      : portOption('control-port', values['control-port']);
  const dir = path.resolve(values.dir);
  const log = (msg: string): void => void process.stderr.write(`[lnd-sim] ${msg}\n`);
  log('SIMULATOR: this is the boltboard regtest LND simulator, not a real Lightning node');
  const sim = await startLndSimulator({
    dir,
    port,
    logger: log,
    gcCanceledInvoices: values['gc-canceled-invoices-on-the-fly'],
    clockOffsetMs,
    nodeState: values.state,
  });
  const control =
    controlPort === undefined ? undefined : await startControlServer(sim, controlPort);
  process.stdout.write(
    `${JSON.stringify({
      host: sim.host,
      certPath: sim.certPath,
      macaroonPath: sim.macaroonPath,
      invoiceMacaroonPath: sim.invoiceMacaroonPath,
      controlPort: control?.port,
    })}\n`,
  );

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal} received, stopping`);
    Promise.all([sim.stop(), control?.close()]).then(
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
