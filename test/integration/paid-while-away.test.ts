import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api } from '../support/api-client';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

const EXPIRY_SECONDS = 10; // the shortest INVOICE_EXPIRY_SECONDS allows

/**
 * The operator's bad day, step by step: the app stops, the buyer pays before the invoice
 * expires, the expiry passes, the app comes back while the node is away, then the node returns.
 * The payment must paint, once.
 */
describe('a payment made while the app was down, the node away when it came back after expiry', () => {
  let simulatorDir: string;
  let simulator: LndSimulator | undefined;
  let server: TestServer | undefined;

  beforeAll(async () => {
    simulatorDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-away-sim-'));
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(simulatorDir, { recursive: true, force: true });
  });

  it('paints it once the node is back', async () => {
    simulator = await startLndSimulator({ dir: simulatorDir });
    const { port } = simulator;
    const env = {
      ...lndEnv(simulator),
      INVOICE_EXPIRY_SECONDS: String(EXPIRY_SECONDS),
      ORDER_CHECK_EVERY_SECONDS: '1',
    };
    server = await startTestServer(env);
    const { databaseUrl, dataDir } = server;
    const created = (
      await api<CreatedOrder>(server.url, '/api/orders', {
        body: { pixels: [{ x: 7, y: 8, color: 5 }] },
      })
    ).body;
    await server.stop(); // 1. the app stops

    expect(await simulator.settleInvoice(created.paymentHash)).toBe(true); // 2. paid in time
    await simulator.stop(); // 3. the node goes away
    simulator = undefined;
    const untilExpired = Date.parse(created.expiresAt) - Date.now() + 1_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(untilExpired, 0))); // 4. expiry passes

    server = await startTestServer(env, { databaseUrl, dataDir }); // 5. the app is back, the node is not
    const status = async () =>
      (await api<OrderView>(server!.url, `/api/orders/${created.id}`)).body.status;
    // Due checks (every 5 s) and full checks (every 1 s) fail against the missing node meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await status()).toBe('pending');
    const health = await api<{ lightning: string }>(server.url, '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.lightning).toBe('unreachable');

    simulator = await startLndSimulator({ dir: simulatorDir, port }); // 6. the node returns
    await waitUntil(async () => (await status()) === 'paid', 'the order is paid', 30_000);
    expect(server.context.changeLog.board.colorAt(7, 8)).toBe(5);
    const { rows } = await server.context.db.query(
      'SELECT count(*)::int AS n FROM changes WHERE order_id = $1',
      [created.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
