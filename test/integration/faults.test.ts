import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api } from '../support/api-client';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

type ErrorBody = { error: { code: string } };

describe('faults: the node and the database go away and come back', () => {
  let simulatorDir: string;
  let simulator: LndSimulator;
  let server: TestServer;

  const order = async (x: number) =>
    (
      await api<CreatedOrder>(server.url, '/api/orders', {
        body: { pixels: [{ x, y: 0, color: 4 }] },
      })
    ).body;
  const status = async (id: string) =>
    (await api<OrderView>(server.url, `/api/orders/${id}`)).body.status;
  const paintsOf = async (id: string) =>
    (
      await server.context.db.query('SELECT count(*)::int AS n FROM changes WHERE order_id = $1', [
        id,
      ])
    ).rows[0].n as number;

  beforeAll(async () => {
    simulatorDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-faults-sim-'));
    simulator = await startLndSimulator({ dir: simulatorDir });
    server = await startTestServer(lndEnv(simulator));
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(simulatorDir, { recursive: true, force: true });
  });

  it('misses no payment when the invoice stream drops', async () => {
    const reconnects = async () =>
      (await server.context.metrics.invoiceStreamReconnects.get()).values[0]?.value ?? 0;
    const before = await reconnects();
    const orders = await Promise.all([order(1), order(2), order(3)]);
    simulator.dropInvoiceStreams();
    // Paid while the app's stream is down or reconnecting: only reconciliation can see these.
    for (const created of orders)
      expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    for (const created of orders)
      await waitUntil(async () => (await status(created.id)) === 'paid', 'paid');
    for (const created of orders) expect(await paintsOf(created.id)).toBe(1);
    expect(await reconnects()).toBeGreaterThan(before);
  });

  it('answers 503 lightning_unavailable while the node is down, and recovers', async () => {
    const port = simulator.port;
    await simulator.stop();
    const refused = await api<ErrorBody>(server.url, '/api/orders', {
      body: { pixels: [{ x: 9, y: 9, color: 1 }] },
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('lightning_unavailable');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const health = await api<{ lightning: string; database: string }>(server.url, '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ lightning: 'unreachable', database: 'up' });

    simulator = await startLndSimulator({ dir: simulatorDir, port });
    await waitUntil(
      async () => (await api(server.url, '/api/health')).status === 200,
      'the node is back',
      20_000,
    );
    const created = await order(10);
    expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    await waitUntil(
      async () => (await status(created.id)) === 'paid',
      'paid after the node came back',
      20_000,
    );
  });

  it('answers 503 database_unavailable while PostgreSQL is away, and writes a payment that came meanwhile, once', async () => {
    const created = await order(20);
    const database = new URL(server.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({
      connectionString: server.databaseUrl.replace(`/${database}`, '/postgres'),
    });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [database],
      );

      const refused = await api<ErrorBody>(server.url, '/api/orders', {
        body: { pixels: [{ x: 21, y: 0, color: 1 }] },
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('database_unavailable');
      expect((await api<{ database: string }>(server.url, '/api/health')).body.database).toBe(
        'down',
      );

      const seqBefore = server.context.changeLog.board.seq;
      expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 700)); // the settlement is retried meanwhile
      expect(server.context.changeLog.board.seq).toBe(seqBefore);
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await waitUntil(
      async () => (await status(created.id)) === 'paid',
      'the retried settlement is written',
      20_000,
    );
    expect(await paintsOf(created.id)).toBe(1);
    expect(server.context.changeLog.board.colorAt(20, 0)).toBe(4);
  });
});
