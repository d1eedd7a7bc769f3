// `npm run cluster -- --instances N [--base-port 3001] [--api-only]`: N Boltboard instances on
// consecutive ports sharing one PostgreSQL and one LND, broadcasts carried by socket.io's
// postgres adapter. For local use and tests; put a load balancer with sticky sessions in front
// (docs/nginx-cluster.conf). Uses DATABASE_URL / LND_* when set, else starts an embedded
// PostgreSQL and a standalone LND simulator of its own in DATA_DIR.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { startLndSimulator } from '../server/lightning/simulator';

const ROOT = path.resolve(__dirname, '..');

async function main() {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '3' },
      'base-port': { type: 'string', default: '3001' },
      'api-only': { type: 'boolean', default: false },
    },
  });
  const instances = Number(values.instances);
  const basePort = Number(values['base-port']);
  if (!Number.isInteger(instances) || instances < 1 || instances > 32)
    throw new Error('--instances: 1 to 32');
  const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'cluster'), (line) =>
      console.error(line),
    );
    stops.push(() => embedded.stop());
    databaseUrl = embedded.url;
  }
  let lnd = {
    LND_GRPC_HOST: process.env.LND_GRPC_HOST,
    LND_CERT: process.env.LND_CERT,
    LND_MACAROON: process.env.LND_MACAROON,
  };
  if (!lnd.LND_GRPC_HOST) {
    const simulator = await startLndSimulator({ dir: path.join(dataDir, 'cluster-lnd-sim') });
    stops.push(() => simulator.stop());
    lnd = {
      LND_GRPC_HOST: simulator.host,
      LND_CERT: simulator.certBase64,
      LND_MACAROON: simulator.macaroonBase64,
    };
    console.error(`cluster: LND SIMULATOR on ${simulator.host} (payments are not real)`);
  }
  if (!values['api-only'] && !existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }

  const children: ChildProcess[] = [];
  for (let i = 0; i < instances; i++) {
    const port = basePort + i;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', ...(values['api-only'] ? ['--api-only'] : [])],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          ...lnd,
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          CLUSTER_ADAPTER: 'postgres',
          PORT: String(port),
          DATA_DIR: path.join(dataDir, `instance-${i + 1}`),
        },
      },
    );
    children.push(child);
    console.error(`cluster: instance ${i + 1} on http://localhost:${port}`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null
              ? resolve(null)
              : (child.once('exit', resolve), child.kill('SIGTERM')),
          ),
      ),
    );
    for (const stopOne of stops.reverse()) await stopOne();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('cluster failed:', error);
  process.exit(1);
});
