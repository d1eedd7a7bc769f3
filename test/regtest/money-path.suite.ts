// The money path on real LND: the app's node is the regtest "shop", buyers pay from the
// "wallet" node over their channel, as on the real network.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as lnService from 'ln-service';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { api } from '../support/api-client';
import {
  ensureRegtestNetwork,
  regtestLnd,
  REGTEST_START_TIMEOUT_MS,
  type RegtestNetwork,
} from '../support/regtest';
import { lndPayArgs, runDrawCli, writeSolidPng } from '../support/run-draw-cli';
import { freePort, spawnServer } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

describe('the money path on real LND (regtest: btcd, shop and wallet nodes)', () => {
  let network: RegtestNetwork;
  let wallet: ReturnType<typeof regtestLnd>;
  const servers: TestServer[] = [];
  const shopEnv = (macaroon = network.shop.adminMacaroon) => ({
    LND_GRPC_HOST: network.shop.grpcHost,
    LND_CERT: network.shop.cert,
    LND_MACAROON: macaroon,
    ORDER_CHECK_EVERY_SECONDS: '2',
  });
  const start = async (env: Record<string, string>) => {
    const server = await startTestServer(env);
    servers.push(server);
    return server;
  };
  const order = async (url: string, x: number, y: number, color = 5) => {
    const response = await api<CreatedOrder>(url, '/api/orders', {
      body: { pixels: [{ x, y, color }] },
    });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body;
  };
  const status = async (url: string, id: string) =>
    (await api<OrderView>(url, `/api/orders/${id}`)).body.status;
  const paintsOf = async (server: TestServer, id: string) =>
    (
      await server.context.db.query('SELECT count(*)::int AS n FROM changes WHERE order_id = $1', [
        id,
      ])
    ).rows[0].n as number;

  beforeAll(async () => {
    network = await ensureRegtestNetwork();
    wallet = regtestLnd(network.wallet);
  }, REGTEST_START_TIMEOUT_MS);
  afterAll(async () => {
    for (const server of servers) await server.destroy();
  });

  it('paints a pixel paid from the wallet node over the channel, once', async () => {
    const server = await start(shopEnv());
    const settings = (await api<BoardSettings>(server.url, '/api/settings')).body;
    expect(settings).toMatchObject({ network: 'regtest', simulated: false, testWallet: false });
    const created = await order(server.url, 1, 1);
    expect(created.paymentRequest).toMatch(/^lnbcrt10n1/); // 1 pixel at 1 sat: 10 nano-bitcoin
    const paid = await lnService.pay({ lnd: wallet, request: created.paymentRequest });
    expect(paid.tokens).toBe(1);
    await waitUntil(async () => (await status(server.url, created.id)) === 'paid', 'paid', 30_000);
    expect(server.context.changeLog.board.colorAt(1, 1)).toBe(5);
    expect(await paintsOf(server, created.id)).toBe(1);
  }, 60_000);

  it('runs on a baked invoices:read invoices:write macaroon, and on LND invoice.macaroon', async () => {
    for (const [x, macaroon] of [
      [2, network.shop.invoicesOnlyMacaroon],
      [3, network.shop.invoiceMacaroon],
    ] as const) {
      const server = await start(shopEnv(macaroon));
      expect((await api<{ lightning: string }>(server.url, '/api/health')).body.lightning).toBe(
        'up',
      );
      const created = await order(server.url, x, 1);
      await lnService.pay({ lnd: wallet, request: created.paymentRequest });
      await waitUntil(
        async () => (await status(server.url, created.id)) === 'paid',
        'paid',
        30_000,
      );
      expect((await api<BoardSettings>(server.url, '/api/settings')).body.network).toBe('regtest');
    }
  }, 120_000);

  it('opens the test wallet through the wallet node (WALLET_LND_*)', async () => {
    const server = await start({
      ...shopEnv(),
      WALLET_LND_GRPC_HOST: network.wallet.grpcHost,
      WALLET_LND_CERT: network.wallet.cert,
      WALLET_LND_MACAROON: network.wallet.adminMacaroon,
    });
    expect((await api<BoardSettings>(server.url, '/api/settings')).body.testWallet).toBe(true);
    const created = await order(server.url, 4, 1);
    const paid = await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: created.paymentRequest },
    });
    expect(paid.status).toBe(200);
    expect(await status(server.url, created.id)).toBe('paid');
  }, 60_000);

  it('draws an image with npm run draw paying from the bot node', async () => {
    const server = await start({ ...shopEnv(), MAX_PIXELS_PER_ORDER: '3' });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-regtest-draw-'));
    try {
      const image = path.join(dir, 'dot.png');
      await writeSolidPng(image, 2, 2, [57, 25, 209, 255]);
      const run = await runDrawCli([
        '--image',
        image,
        '--x',
        '10',
        '--y',
        '10',
        '--url',
        server.url,
        '--state-dir',
        dir,
        ...lndPayArgs({
          host: network.wallet.grpcHost,
          cert: network.wallet.cert,
          macaroon: network.wallet.adminMacaroon,
        }),
      ]);
      expect(run.code, run.output).toBe(0);
      const board = server.context.changeLog.board;
      expect([
        board.colorAt(10, 10),
        board.colorAt(11, 10),
        board.colorAt(10, 11),
        board.colorAt(11, 11),
      ]).toEqual([13, 13, 13, 13]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('loses nothing and paints nothing twice when the shop LND restarts during a burst', async () => {
    const server = await start(shopEnv());
    const orders = await Promise.all(
      Array.from({ length: 12 }, (_, i) => order(server.url, 20 + i, 2)),
    );
    // Buyers retry a payment that failed while the node was away, as wallets do.
    const payUntilDone = async (created: CreatedOrder) => {
      for (;;) {
        try {
          await lnService.pay({ lnd: wallet, request: created.paymentRequest });
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    };
    const burst = Promise.all(
      orders.map(async (created, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 150));
        await payUntilDone(created);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    await network.restartShop();
    await burst;
    for (const created of orders) {
      await waitUntil(
        async () => (await status(server.url, created.id)) === 'paid',
        'paid',
        60_000,
      );
      expect(await paintsOf(server, created.id)).toBe(1);
    }
  }, 300_000);

  it('loses nothing and paints nothing twice when the app is killed (SIGKILL) during a burst', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-regtest-kill-'));
    const env = {
      ...shopEnv(),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      ORDER_RATE_LIMIT_PER_MINUTE: '100000',
      MAX_OPEN_ORDERS_PER_CLIENT: '100000',
    };
    try {
      let server = await spawnServer(env, await freePort());
      const orders = await Promise.all(
        Array.from({ length: 12 }, (_, i) => order(server.url, 40 + i, 3)),
      );
      const burst = Promise.all(
        orders.map(async (created, i) => {
          await new Promise((resolve) => setTimeout(resolve, i * 100));
          await lnService.pay({ lnd: wallet, request: created.paymentRequest });
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      server.child.kill('SIGKILL');
      await server.exited;
      await burst; // the node settles all of them while the app is down
      server = await spawnServer(env, await freePort());
      try {
        for (const created of orders) {
          await waitUntil(
            async () => (await status(server.url, created.id)) === 'paid',
            'paid',
            60_000,
          );
        }
        const db = new pg.Client({ connectionString: database.url });
        await db.connect();
        const { rows } = await db.query<{ n: number }>(
          'SELECT order_id, count(*)::int AS n FROM changes WHERE order_id IS NOT NULL GROUP BY order_id',
        );
        await db.end();
        expect(rows).toHaveLength(orders.length);
        for (const row of rows) expect(row.n).toBe(1);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
