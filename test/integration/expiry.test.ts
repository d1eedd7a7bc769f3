import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { expireOrders } from '../../server/orders/expire-orders';
import { api, connectViewer, nextEvent } from '../support/api-client';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

describe('expiry of unpaid orders', () => {
  let dir: string;
  let simulator: LndSimulator;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-expiry-'));
    simulator = await startLndSimulator({ dir });
    server = await startTestServer(lndEnv(simulator));
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('marks orders past their invoice expiry as expired and tells their watchers', async () => {
    const socket = await connectViewer(server.url);
    const created = await socket.emitWithAck('order:create', {
      pixels: [{ x: 3, y: 3, color: 2 }],
    });
    if (!created.ok) throw new Error(created.error.message);
    const expiresAt = new Date(created.expiresAt).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan(590_000);

    const notified = nextEvent(socket, 'order', (event) => event.id === created.id);
    expect(
      await expireOrders(server.context.db, server.context.orderEvents, new Date(expiresAt - 1000)),
    ).toEqual([]);
    expect(
      await expireOrders(server.context.db, server.context.orderEvents, new Date(expiresAt + 1)),
    ).toEqual([created.id]);
    expect(await notified).toEqual({ id: created.id, status: 'expired' });
    expect((await api<OrderView>(server.url, `/api/orders/${created.id}`)).body.status).toBe(
      'expired',
    );
    socket.close();
  });

  it('still paints an order marked expired if the node took its payment after all', async () => {
    const created = (
      await api<CreatedOrder>(server.url, '/api/orders', {
        body: { pixels: [{ x: 4, y: 4, color: 6 }] },
      })
    ).body;
    await expireOrders(
      server.context.db,
      server.context.orderEvents,
      new Date(Date.parse(created.expiresAt) + 1),
    );
    expect(await simulator.settleInvoice(created.paymentHash)).toBe(true); // the node's clock disagreed
    await waitUntil(
      async () =>
        (await api<OrderView>(server.url, `/api/orders/${created.id}`)).body.status === 'paid',
      'paid',
    );
    expect(server.context.changeLog.board.colorAt(4, 4)).toBe(6);
  });
});
