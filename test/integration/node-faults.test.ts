import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSettleIndex } from '../../db/queries/invoice-cursor';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api } from '../support/api-client';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

type Health = {
  ok: boolean;
  lightning: string;
  lightningReason?: string;
  unpaintedOrders?: number;
};

describe('the node fails as LND does', () => {
  let dir: string;
  let simulator: LndSimulator;
  let server: TestServer;

  const order = async (x: number, y = 1) => {
    const response = await api<CreatedOrder>(server.url, '/api/orders', {
      body: { pixels: [{ x, y, color: 3 }] },
    });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body;
  };
  const status = async (id: string) =>
    (await api<OrderView>(server.url, `/api/orders/${id}`)).body.status;
  const counter = async (name: 'invoiceStreamSilences' | 'invoiceStreamReconnects') =>
    (await server.context.metrics[name].get()).values[0]?.value ?? 0;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-node-faults-'));
    simulator = await startLndSimulator({ dir, gcCanceledInvoices: true });
    server = await startTestServer({ ...lndEnv(simulator), ORDER_CHECK_EVERY_SECONDS: '1' });
  });
  afterEach(() => {
    simulator.silenceInvoiceStreams(false);
    simulator.setNodeState('ready');
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the settle index it painted up to, for LND to replay from', async () => {
    const created = await order(1);
    expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    await waitUntil(async () => (await status(created.id)) === 'paid', 'paid');
    await waitUntil(
      async () => (await loadSettleIndex(server.context.db, simulator.host)) >= 1,
      'the settle index is stored',
    );
  });

  it('paints payments a silent stream never delivers, then resubscribes', async () => {
    const silencesBefore = await counter('invoiceStreamSilences');
    simulator.silenceInvoiceStreams(true); // open, no error, nothing arrives: a half-open link
    const orders = await Promise.all([order(2), order(3)]);
    for (const created of orders)
      expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    for (const created of orders)
      await waitUntil(async () => (await status(created.id)) === 'paid', 'paid');
    expect(await counter('invoiceStreamSilences')).toBeGreaterThan(silencesBefore);
  });

  it('takes deleted invoices (NOT_FOUND) as unpaid and still checks every other order', async () => {
    simulator.silenceInvoiceStreams(true); // only the checks can see these payments
    const deleted = await Promise.all(Array.from({ length: 8 }, (_, i) => order(10 + i)));
    for (const created of deleted)
      expect(await simulator.cancelInvoice(created.paymentHash)).toBe(true);
    const paid = await Promise.all([order(20), order(21)]);
    for (const created of paid)
      expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    for (const created of paid)
      await waitUntil(async () => (await status(created.id)) === 'paid', 'paid');
    for (const created of deleted)
      await waitUntil(async () => (await status(created.id)) === 'expired', 'expired');
  });

  it('reports a locked node in health and answers orders 503 until it is unlocked', async () => {
    simulator.setNodeState('locked');
    const health = await api<Health>(server.url, '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, lightning: 'locked' });
    expect(health.body.lightningReason).toMatch(/unlock/);
    const refused = await api<{ error: { code: string } }>(server.url, '/api/orders', {
      body: { pixels: [{ x: 30, y: 1, color: 3 }] },
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('lightning_unavailable');

    simulator.setNodeState('starting');
    expect((await api<Health>(server.url, '/api/health')).body.lightning).toBe('starting');
    simulator.setNodeState('ready');
    expect((await api<Health>(server.url, '/api/health')).body).toMatchObject({
      ok: true,
      lightning: 'up',
    });
  });
});

describe('an app started while its node is locked', () => {
  let dir: string;
  let simulator: LndSimulator;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-locked-'));
    simulator = await startLndSimulator({ dir, nodeState: 'locked' });
    server = await startTestServer(lndEnv(simulator));
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts anyway, then learns the node once it is unlocked', async () => {
    const settings = async () => (await api<BoardSettings>(server.url, '/api/settings')).body;
    expect((await settings()).simulated).toBe(false); // not known yet: the test wallet stays shut
    expect((await api(server.url, '/api/dev/pay', { body: { paymentRequest: 'x' } })).status).toBe(
      404,
    );
    simulator.setNodeState('ready');
    await waitUntil(async () => (await settings()).simulated, 'the node is known', 20_000);
    expect((await settings()).network).toBe('regtest');
  });
});
