import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded-postgres';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';

/**
 * What every scenario shares: one PostgreSQL server (DATABASE_URL's, or an embedded one),
 * a fresh database per scenario, and one standalone LND simulator the server connects to.
 */
export class BenchEnvironment {
  private constructor(
    private readonly adminUrl: string,
    readonly simulator: LndSimulator,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(): Promise<BenchEnvironment> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-bench-'));
    await chmod(dir, 0o755); // the embedded server may run as the postgres user
    let embedded: EmbeddedDatabase | undefined;
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      embedded = await startEmbeddedPostgres(path.join(dir, 'data'), () => undefined);
      adminUrl = embedded.url;
    }
    const simulator = await startLndSimulator({ dir: path.join(dir, 'lnd-sim') });
    return new BenchEnvironment(adminUrl, simulator, async () => {
      await simulator.stop();
      await embedded?.stop();
      await rm(dir, { recursive: true, force: true });
    });
  }

  /** A fresh database URL and the env a server needs to use it and the simulator. */
  async serverEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const name = `bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: this.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return {
      DATABASE_URL: url.toString(),
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'boltboard-bench-server-')),
      LND_GRPC_HOST: this.simulator.host,
      LND_CERT: this.simulator.certBase64,
      LND_MACAROON: this.simulator.macaroonBase64,
      ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
      MAX_OPEN_ORDERS_PER_CLIENT: '1000000',
      // Every viewer of the bench connects from 127.0.0.1.
      MAX_CONNECTIONS_PER_CLIENT: '1000000',
      ...extra,
    };
  }

  stop(): Promise<void> {
    return this.cleanup();
  }
}

export { findFreePort as freePort } from '../../db/free-port';
