import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';
import { health, paintThroughNode } from '../support/paint-through-node';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { waitUntil } from '../support/wait-until';

// A node reached over Tor: grpc-js sends its connection through the HTTP CONNECT proxy named by
// grpc_proxy, as Tor's HTTPTunnelPort offers, and the node's certificate must name the onion
// address (LND's tlsextradomain). Here a name no resolver knows stands for the onion address:
// only the proxy can reach it, so a working app proves every call went through the proxy.
const NODE_NAME = 'node.boltboard-test';

describe('a node reached through an HTTP CONNECT proxy (the Tor route)', () => {
  let dir: string;
  let database: { url: string; drop: () => Promise<void> };
  let proxy: ConnectProxy;
  let named: LndSimulator; // its certificate names NODE_NAME, as with tlsextradomain
  let unnamed: LndSimulator; // without tlsextradomain
  const servers: ServerProcess[] = [];

  const start = async (node: LndSimulator, env: Record<string, string>) => {
    const server = await spawnServer(
      {
        DATABASE_URL: database.url,
        DATA_DIR: await mkdtemp(path.join(dir, 'app-')),
        LND_GRPC_HOST: `${NODE_NAME}:${node.port}`,
        https_proxy: '',
        http_proxy: '',
        LND_CERT: node.certBase64,
        LND_MACAROON: node.macaroonBase64,
        grpc_proxy: '',
        no_grpc_proxy: '',
        ...env,
      },
      await freePort(),
    );
    servers.push(server);
    return server;
  };
  const reasonOf = async (server: ServerProcess) => {
    let reason: string | undefined;
    await waitUntil(async () => {
      reason = (await health(server.url)).body.lightningReason;
      return reason !== undefined;
    }, 'the health check names a reason');
    return reason!;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-node-proxy-'));
    database = await createTestDatabase();
    named = await startLndSimulator({ tlsExtraDomains: [NODE_NAME] });
    unnamed = await startLndSimulator();
    proxy = await startConnectProxy({
      [`${NODE_NAME}:${named.port}`]: `127.0.0.1:${named.port}`,
      [`${NODE_NAME}:${unnamed.port}`]: `127.0.0.1:${unnamed.port}`,
    });
  });
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await proxy?.close();
    await named?.stop();
    await unnamed?.stop();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('orders and paints through the proxy (grpc_proxy)', async () => {
    const server = await start(named, { grpc_proxy: proxy.url });
    expect((await health(server.url)).body).toMatchObject({ ok: true, lightning: 'up' });
    await paintThroughNode(server.url, (order) => named.settleInvoice(order.paymentHash), {
      x: 3,
      y: 9,
      color: 6,
    });
    expect(proxy.connects).toContain(`${NODE_NAME}:${named.port}`);
  });

  it('cannot reach the node without the proxy', async () => {
    const server = await start(named, {});
    expect(await reasonOf(server)).toMatch(
      /Name resolution failed for target dns:node\.boltboard-test/,
    );
    expect((await health(server.url)).body).toMatchObject({ ok: false, lightning: 'unreachable' });
  });

  it('refuses a node whose certificate does not name the address (no tlsextradomain)', async () => {
    const server = await start(unnamed, { grpc_proxy: proxy.url });
    expect(await reasonOf(server)).toMatch(/does not match certificate's altnames/);
    expect(proxy.connects).toContain(`${NODE_NAME}:${unnamed.port}`);
  });

  // grpc-js falls back to https_proxy (then http_proxy) and exempts no host by itself, not even
  // localhost: a proxy set for other traffic would carry a local node's calls too.
  it('sends even a local node through https_proxy unless no_grpc_proxy names it', async () => {
    const local = `localhost:${named.port}`;
    const proxied = await start(named, { LND_GRPC_HOST: local, https_proxy: proxy.url });
    expect(await reasonOf(proxied)).toMatch(/gRPC code 14/);
    expect(proxy.connects).toContain(local); // and the proxy refused it: no route
    proxied.child.kill('SIGTERM'); // it would keep asking the proxy
    await proxied.exited;

    const localConnects = () => proxy.connects.filter((target) => target === local).length;
    const connectsBefore = localConnects();
    const exempt = await start(named, {
      LND_GRPC_HOST: local,
      https_proxy: proxy.url,
      no_grpc_proxy: 'localhost',
    });
    expect((await health(exempt.url)).body).toMatchObject({ ok: true, lightning: 'up' });
    expect(localConnects()).toBe(connectsBefore);
  });
});
