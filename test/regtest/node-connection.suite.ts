// Real LND reached the way operators connect it: an lndconnect URI of the shop node, as its
// dashboard would export it, and its tls.cert file followed through a rotation.
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as lnService from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { api } from '../support/api-client';
import { lndconnectUri } from '../support/lndconnect-uri';
import { health, paintThroughNode } from '../support/paint-through-node';
import {
  ensureRegtestNetwork,
  regtestLnd,
  REGTEST_START_TIMEOUT_MS,
  type RegtestNetwork,
} from '../support/regtest';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

describe('connecting to real LND (regtest shop node) the way operators have it', () => {
  let network: RegtestNetwork;
  const servers: TestServer[] = [];
  const payFromWallet = async (order: CreatedOrder) =>
    (await lnService.pay({ lnd: regtestLnd(network.wallet), request: order.paymentRequest }))
      .is_confirmed;

  beforeAll(async () => {
    network = await ensureRegtestNetwork();
  }, REGTEST_START_TIMEOUT_MS);
  afterAll(async () => {
    for (const server of servers) await server.destroy();
  });

  it('takes LND_CONNECT with the invoices-only macaroon and LND_NETWORK', async () => {
    const LND_CONNECT = lndconnectUri({
      grpcHost: network.shop.grpcHost,
      certPem: readFileSync(network.shop.cert, 'utf8'),
      macaroon: readFileSync(network.shop.invoicesOnlyMacaroon),
    });
    const server = await startTestServer({ LND_CONNECT, LND_NETWORK: 'regtest' });
    servers.push(server);
    expect((await health(server.url)).body).toMatchObject({ ok: true, lightning: 'up' });
    expect((await api<BoardSettings>(server.url, '/api/settings')).body).toMatchObject({
      network: 'regtest',
      simulated: false,
    });
    await paintThroughNode(server.url, payFromWallet, { x: 20, y: 20, color: 7 });
  }, 60_000);

  it('follows tls.cert when LND makes a new one at restart, with no restart of its own', async () => {
    const server = await startTestServer({
      LND_GRPC_HOST: network.shop.grpcHost,
      LND_CERT: network.shop.cert,
      LND_MACAROON: network.shop.invoicesOnlyMacaroon,
    });
    servers.push(server);
    await paintThroughNode(server.url, payFromWallet, { x: 21, y: 20, color: 7 });

    // What an operator does to renew it: stop LND, delete tls.cert and tls.key, start LND.
    const certBefore = await readFile(network.shop.cert, 'utf8');
    const nodeDir = path.dirname(network.shop.cert);
    const pid = Number(await readFile(path.join(nodeDir, 'lnd.pid'), 'utf8'));
    process.kill(pid, 'SIGTERM'); // LND shuts down cleanly on SIGTERM
    await waitUntil(() => !isAlive(pid), 'the shop node has stopped', 60_000);
    await rm(network.shop.cert);
    await rm(path.join(nodeDir, 'tls.key'));
    await network.restartShop();
    expect(await readFile(network.shop.cert, 'utf8')).not.toBe(certBefore);

    await waitUntil(async () => (await health(server.url)).body.ok, 'the app is back', 60_000);
    await paintThroughNode(server.url, payFromWallet, { x: 22, y: 20, color: 7 });
  }, 240_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
