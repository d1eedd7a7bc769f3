import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { lndconnectUri } from '../support/lndconnect-uri';
import { health, paintThroughNode } from '../support/paint-through-node';
import { startTestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

describe('the app connects to the node the way operators have it', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('takes LND_CONNECT, the lndconnect URI node dashboards export', async () => {
    const simulator = await startLndSimulator();
    cleanups.push(() => simulator.stop());
    const LND_CONNECT = lndconnectUri({
      grpcHost: simulator.host,
      certPem: Buffer.from(simulator.certBase64, 'base64').toString('utf8'),
      macaroon: Buffer.from(simulator.macaroonBase64, 'base64'),
    });
    expect(LND_CONNECT).toMatch(/^lndconnect:\/\/localhost:\d+\?cert=[\w-]+&macaroon=[\w-]+$/);
    const server = await startTestServer({ LND_CONNECT });
    cleanups.push(() => server.destroy());

    expect((await health(server.url)).body).toMatchObject({ ok: true, lightning: 'up' });
    await paintThroughNode(server.url, (order) => simulator.settleInvoice(order.paymentHash), {
      x: 4,
      y: 2,
      color: 5,
    });
  });

  it('re-reads a certificate file the node rotated, and recovers with no restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-node-rotation-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let simulator: LndSimulator = await startLndSimulator({ dir });
    cleanups.push(() => simulator.stop());
    const node = { LND_GRPC_HOST: simulator.host, LND_MACAROON: simulator.macaroonPath! };
    // The operator's way: LND_CERT is LND's tls.cert file. Beside it, one with the certificate
    // pasted in: nothing to re-read, so it cannot follow a rotation.
    const fromFile = await startTestServer({ ...node, LND_CERT: simulator.certPath! });
    cleanups.push(() => fromFile.destroy());
    const pasted = await startTestServer({ ...node, LND_CERT: simulator.certBase64 });
    cleanups.push(() => pasted.destroy());
    const settle = (order: { paymentHash: string }) => simulator.settleInvoice(order.paymentHash);
    await paintThroughNode(fromFile.url, settle, { x: 1, y: 1, color: 2 });

    // LND makes a new certificate and key when they are deleted, at its next start.
    const certBefore = await readFile(simulator.certPath!, 'utf8');
    await simulator.stop();
    await rm(path.join(dir, 'tls.cert'));
    await rm(path.join(dir, 'tls.key'));
    simulator = await startLndSimulator({ dir, port: simulator.port });
    expect(await readFile(simulator.certPath!, 'utf8')).not.toBe(certBefore);

    await waitUntil(async () => (await health(fromFile.url)).body.ok, 'the app is back', 30_000);
    await paintThroughNode(fromFile.url, settle, { x: 2, y: 1, color: 3 });

    const stale = await health(pasted.url);
    expect(stale.status).toBe(503);
    expect(stale.body).toMatchObject({ ok: false, lightning: 'unreachable' });
    expect(stale.body.lightningReason).toMatch(/certificate/);
  }, 90_000);
});
