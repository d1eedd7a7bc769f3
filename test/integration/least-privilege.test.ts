import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

type Health = { ok: boolean; lightning: string; lightningReason?: string };

describe('the app on the macaroons operators actually use', () => {
  let dir: string;
  let simulator: LndSimulator;
  const servers: TestServer[] = [];

  const startWith = async (macaroonBase64: string, extra: Record<string, string> = {}) => {
    const server = await startTestServer({
      LND_GRPC_HOST: simulator.host,
      LND_CERT: simulator.certBase64,
      LND_MACAROON: macaroonBase64,
      ORDER_CHECK_EVERY_SECONDS: '1',
      ...extra,
    });
    servers.push(server);
    return server;
  };
  const paysAndPaints = async (server: TestServer, x: number) => {
    const created = await api<CreatedOrder>(server.url, '/api/orders', {
      body: { pixels: [{ x, y: 2, color: 9 }] },
    });
    expect(created.status).toBe(201);
    expect(await simulator.settleInvoice(created.body.paymentHash)).toBe(true);
    await waitUntil(
      async () =>
        (await api<OrderView>(server.url, `/api/orders/${created.body.id}`)).body.status === 'paid',
      'paid',
    );
    expect(server.context.changeLog.board.colorAt(x, 2)).toBe(9);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-macaroons-'));
    simulator = await startLndSimulator({ dir });
  });
  afterAll(async () => {
    for (const server of servers) await server.destroy();
    await simulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("works on LND's invoice.macaroon: healthy, network from the invoices, payments paint", async () => {
    const server = await startWith(simulator.invoiceMacaroonBase64);
    const health = await api<Health>(server.url, '/api/health');
    expect(health.body).toMatchObject({ ok: true, lightning: 'up' });
    await paysAndPaints(server, 1);
    // No info:read: the network is read off the first invoice the node issued.
    expect((await api<BoardSettings>(server.url, '/api/settings')).body.network).toBe('regtest');
  });

  it('works on a baked invoices:read invoices:write macaroon, network from LND_NETWORK', async () => {
    const baked = simulator.bakeMacaroon(['invoices:read', 'invoices:write']).toString('base64');
    const server = await startWith(baked, { LND_NETWORK: 'regtest' });
    expect((await api<BoardSettings>(server.url, '/api/settings')).body.network).toBe('regtest');
    expect((await api<Health>(server.url, '/api/health')).status).toBe(200);
    await paysAndPaints(server, 2);
    // Without info:read the app cannot tell the simulator: its test wallet stays shut.
    expect((await api(server.url, '/api/dev/pay', { body: { paymentRequest: 'x' } })).status).toBe(
      404,
    );
  });

  it('says which permission is missing, with the lncli line that fixes it', async () => {
    const readOnly = simulator.bakeMacaroon(['invoices:read']).toString('base64');
    const server = await startWith(readOnly);
    const health = await api<Health>(server.url, '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.lightning).toBe('permission_denied');
    expect(health.body.lightningReason).toMatch(/lacks invoices:write/);
    expect(health.body.lightningReason).toMatch(/lncli bakemacaroon invoices:read invoices:write/);
  });
});
