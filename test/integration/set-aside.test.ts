import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { adminApi, TEST_ADMIN_TOKEN } from '../support/admin-client';
import { api } from '../support/api-client';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

type Unpainted = { orders: Array<{ id: string; reason: string; attempts: number }> };

describe('a settlement that cannot be written is set aside, never blocking the others', () => {
  let dir: string;
  let simulator: LndSimulator;
  let server: TestServer | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-set-aside-'));
    simulator = await startLndSimulator({ dir });
  });
  afterAll(async () => {
    await server?.destroy();
    await simulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('paints the rest, reports the one, and paints it once the board fits it again', async () => {
    const env = {
      ...lndEnv(simulator),
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      ORDER_CHECK_EVERY_SECONDS: '1',
      CANVAS_HEIGHT: '100',
    };
    server = await startTestServer(env);
    const order = async (y: number) =>
      (
        await api<CreatedOrder>(server!.url, '/api/orders', {
          body: { pixels: [{ x: 1, y, color: 4 }] },
        })
      ).body;
    const [low, high, other] = [await order(90), await order(10), await order(11)];
    const reuse = { databaseUrl: server.databaseUrl, dataDir: server.dataDir };
    await server.stop();

    // The operator shrinks the board; the three are paid meanwhile, in one settlement batch.
    server = await startTestServer({ ...env, CANVAS_HEIGHT: '50' }, reuse);
    for (const created of [low, high, other]) {
      expect(await simulator.settleInvoice(created.paymentHash)).toBe(true);
    }
    const status = async (id: string) =>
      (await api<OrderView>(server!.url, `/api/orders/${id}`)).body.status;
    await waitUntil(async () => (await status(high.id)) === 'paid', 'the fitting order paints');
    await waitUntil(
      async () => (await status(other.id)) === 'paid',
      'the other fitting order paints',
    );
    await waitUntil(
      async () =>
        ((await adminApi<Unpainted>(server!.url, '/api/admin/unpainted-orders')).body.orders ?? [])
          .length === 1,
      'the misfit is listed',
    );
    const listed = (await adminApi<Unpainted>(server.url, '/api/admin/unpainted-orders')).body
      .orders[0];
    expect(listed.id).toBe(low.id);
    expect(listed.reason).toMatch(/outside the 1000x50 board/);
    expect(await status(low.id)).toBe('pending'); // paid on the node, not painted: never expired
    expect(
      (await api<{ unpaintedOrders: number }>(server.url, '/api/health')).body.unpaintedOrders,
    ).toBe(1);
    expect(
      (await server.context.metrics.settlementsSetAside.get()).values[0].value,
    ).toBeGreaterThan(0);

    // The board grows back: the next check with the node paints it, and the list empties.
    await server.stop();
    server = await startTestServer(env, reuse);
    await waitUntil(async () => (await status(low.id)) === 'paid', 'the set-aside order paints');
    expect(server.context.changeLog.board.colorAt(1, 90)).toBe(4);
    expect(
      (await adminApi<Unpainted>(server.url, '/api/admin/unpainted-orders')).body.orders,
    ).toEqual([]);
  });
});
