import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { lndconnectUri } from '../support/lndconnect-uri';
import { health, paintThroughNode } from '../support/paint-through-node';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { createThrowawayCa, type ThrowawayCa } from '../support/throwaway-ca';
import { waitUntil } from '../support/wait-until';

// A hosted node's certificate is signed by a CA, so there is no LND_CERT to give: gRPC checks it
// against the roots Node trusts, to which NODE_EXTRA_CA_CERTS adds (read at process start,
// hence a process of its own). The test CA is trusted by nobody unless a test says so.
describe('a node behind a CA-signed certificate, with no LND_CERT', () => {
  let ca: ThrowawayCa;
  let dir: string;
  let caFile: string;
  let simulator: LndSimulator;
  let database: { url: string; drop: () => Promise<void> };
  const servers: ServerProcess[] = [];

  /** The app as a process, trusting what `trust` adds to the roots. */
  const start = async (trust: Record<string, string>) => {
    const server = await spawnServer(
      {
        DATABASE_URL: database.url,
        DATA_DIR: await mkdtemp(path.join(dir, 'app-')),
        // A hosted node's lndconnect URI carries no cert.
        LND_CONNECT: lndconnectUri({
          grpcHost: simulator.host,
          macaroon: Buffer.from(simulator.macaroonBase64, 'base64'),
        }),
        // When set, grpc-js trusts only that file, not Node's roots (this machine sets it).
        GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: '',
        NODE_EXTRA_CA_CERTS: '',
        ...trust,
      },
      await freePort(),
    );
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-node-ca-'));
    ca = createThrowawayCa();
    caFile = path.join(dir, 'ca.pem');
    await writeFile(caFile, ca.certPem);
    simulator = await startLndSimulator({ tls: ca.issue() });
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await simulator?.stop();
    await database?.drop();
    ca?.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['Node trusts the CA (NODE_EXTRA_CA_CERTS)', 7, () => ({ NODE_EXTRA_CA_CERTS: caFile })],
    [
      'gRPC alone trusts it (GRPC_DEFAULT_SSL_ROOTS_FILE_PATH)',
      8,
      () => ({ GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: caFile }),
    ],
    [
      'LND_CERT is the CA certificate itself',
      9,
      () => ({
        LND_CONNECT: '',
        LND_GRPC_HOST: simulator.host,
        LND_MACAROON: simulator.macaroonBase64,
        LND_CERT: caFile,
      }),
    ],
  ])('works when %s', async (_route, x, trust) => {
    const server = await start(trust());
    expect((await health(server.url)).body).toMatchObject({ ok: true, lightning: 'up' });
    await paintThroughNode(server.url, (order) => simulator.settleInvoice(order.paymentHash), {
      x,
      y: 7,
      color: 4,
    });
  });

  it('says the node is unreachable, and why, when nothing trusts the CA', async () => {
    const server = await start({});
    let report: Awaited<ReturnType<typeof health>> | undefined;
    await waitUntil(async () => {
      report = await health(server.url);
      return report.body.lightningReason !== undefined;
    }, 'the health check names a reason');
    expect(report!.status).toBe(503);
    expect(report!.body).toMatchObject({ ok: false, lightning: 'unreachable' });
    expect(report!.body.lightningReason).toMatch(
      /unable to verify the first certificate|certificate/,
    );
    const created = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pixels: [{ x: 10, y: 7, color: 4 }] }),
    });
    expect(created.status).toBe(503);
    expect(await created.json()).toMatchObject({ error: { code: 'lightning_unavailable' } });
  });
});
