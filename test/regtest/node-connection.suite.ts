// Real LND reached the way operators connect it: an lndconnect URI of the shop node, as its
// dashboard would export it, with the baked invoices-only macaroon and LND_NETWORK.
import { readFileSync } from 'node:fs';
import * as lnService from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('connecting to real LND (regtest shop node) with LND_CONNECT', () => {
  let network: RegtestNetwork;
  let server: TestServer | undefined;

  beforeAll(async () => {
    network = await ensureRegtestNetwork();
  }, REGTEST_START_TIMEOUT_MS);
  afterAll(async () => {
    await server?.destroy();
  });

  it('orders and paints a pixel paid from the wallet node', async () => {
    const LND_CONNECT = lndconnectUri({
      grpcHost: network.shop.grpcHost,
      certPem: readFileSync(network.shop.cert, 'utf8'),
      macaroon: readFileSync(network.shop.invoicesOnlyMacaroon),
    });
    server = await startTestServer({ LND_CONNECT, LND_NETWORK: 'regtest' });
    expect((await health(server.url)).body).toMatchObject({ ok: true, lightning: 'up' });
    expect((await api<BoardSettings>(server.url, '/api/settings')).body).toMatchObject({
      network: 'regtest',
      simulated: false,
    });
    const wallet = regtestLnd(network.wallet);
    await paintThroughNode(
      server.url,
      async (order) =>
        (await lnService.pay({ lnd: wallet, request: order.paymentRequest })).is_confirmed,
      { x: 20, y: 20, color: 7 },
    );
  }, 60_000);
});
