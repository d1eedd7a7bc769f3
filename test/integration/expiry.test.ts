import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOrdersExpired } from '../../db/queries/orders';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api, connectViewer, nextEvent } from '../support/api-client';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

describe('expiry of unpaid orders, on the node word', () => {
  let dir: string;
  let simulator: LndSimulator;
  let server: TestServer;

  const order = async (x: number) =>
    (
      await api<CreatedOrder>(server.url, '/api/orders', {
        body: { pixels: [{ x, y: 4, color: 6 }] },
      })
    ).body;
  const status = async (id: string) =>
    (await api<OrderView>(server.url, `/api/orders/${id}`)).body.status;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-expiry-'));
    // LND's gc-canceled-invoices-on-the-fly: expired invoices vanish (LookupInvoice: NOT_FOUND).
    simulator = await startLndSimulator({ dir, gcCanceledInvoices: true });
    server = await startTestServer({ ...lndEnv(simulator), ORDER_CHECK_EVERY_SECONDS: '1' });
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('expires an order once the node canceled its invoice, and tells its watchers', async () => {
    const socket = await connectViewer(server.url);
    const created = await socket.emitWithAck('order:create', {
      pixels: [{ x: 3, y: 3, color: 2 }],
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(590_000);
    const notified = nextEvent(socket, 'order', (event) => event.id === created.id);

    expect(await simulator.cancelInvoice(created.paymentHash)).toBe(true);
    expect(await notified).toEqual({ id: created.id, status: 'expired' });
    expect(await status(created.id)).toBe('expired');
    socket.close();
  });

  it('expires orders whose invoices the node expired by its own clock and deleted (NOT_FOUND)', async () => {
    const created = await Promise.all([order(10), order(11), order(12)]);
    await simulator.setClockOffsetMs(11 * 60_000); // the node's clock runs past their expiry
    try {
      for (const { id } of created)
        await waitUntil(async () => (await status(id)) === 'expired', 'expired');
    } finally {
      await simulator.setClockOffsetMs(0);
    }
  });

  it('never expires an order on the app clock alone while the node says it is open', async () => {
    const created = await order(20);
    const { rows } = await server.context.db.query<{ id: string }>(
      `UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = $1 RETURNING id`,
      [created.id],
    );
    expect(rows).toHaveLength(1);
    // Several due checks (every 5 s) and full checks (every 1 s) pass by.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await status(created.id)).toBe('pending');
    expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    await waitUntil(async () => (await status(created.id)) === 'paid', 'paid');
    expect(server.context.changeLog.board.colorAt(20, 4)).toBe(6);
  });

  it('still paints an order marked expired if the node took its payment after all', async () => {
    const created = await order(30);
    expect(await markOrdersExpired(server.context.db, [created.paymentHash])).toEqual([created.id]);
    expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    await waitUntil(async () => (await status(created.id)) === 'paid', 'paid');
    expect(server.context.changeLog.board.colorAt(30, 4)).toBe(6);
  });
});
