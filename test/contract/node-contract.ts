// The contract of the app's node adapter (server/lightning), run against the simulator and
// against real LND on regtest with the same cases: the simulator's fidelity is measured here.
import * as lnService from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightningNode } from '../../server/lightning/lightning-node';
import { connectLnd } from '../../server/lightning/ln-service-node';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait-until';

/** What a contract run needs from the node under test ("shop") and a buyer. */
export interface ContractTarget {
  /** `localhost:PORT` of the shop's gRPC interface. */
  grpcHost: string;
  /** The shop's TLS certificate, PEM as base64. */
  certBase64: string;
  adminMacaroonBase64: string;
  /** LND's own invoice.macaroon. */
  invoiceMacaroonBase64: string;
  /** A macaroon with exactly these permissions. */
  bake(permissions: string[]): Promise<string>;
  /** A buyer pays the invoice (resolves once the shop has settled it). */
  pay(paymentRequest: string): Promise<void>;
  /** Stops the shop and starts it again on the same data and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

type Lnd = ReturnType<typeof lnService.authenticatedLndGrpc>['lnd'];

export function runNodeContract(
  name: string,
  setup: () => Promise<ContractTarget>,
  timeoutMs: number,
) {
  describe(`the node adapter against ${name}`, () => {
    let target: ContractTarget;
    let admin: LightningNode;
    let adminLnd: Lnd;
    const nodeWith = (macaroon: string, grpcHost = target.grpcHost) =>
      connectLnd(() => ({ grpcHost, cert: target.certBase64, macaroon }));
    const invoice = (seconds = 600) =>
      admin.createInvoice({
        amountMsat: 3000,
        description: 'contract',
        expiresAt: new Date(Date.now() + seconds * 1000),
      });
    const invoiceCount = async () =>
      (await lnService.getInvoices({ lnd: adminLnd, limit: 1000 })).invoices.length;

    beforeAll(async () => {
      target = await setup();
      admin = nodeWith(target.adminMacaroonBase64);
      adminLnd = lnService.authenticatedLndGrpc({
        socket: target.grpcHost,
        cert: target.certBase64,
        macaroon: target.adminMacaroonBase64,
      }).lnd;
    }, timeoutMs);
    afterAll(async () => {
      await target?.stop();
    }, timeoutMs);

    it('creates an open invoice with the expiry asked', async () => {
      const expiresAt = new Date(Date.now() + 600_000);
      const created = await admin.createInvoice({
        amountMsat: 5000,
        description: 'open',
        expiresAt,
      });
      expect(created.paymentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(created.paymentRequest).toMatch(/^lnbcrt50n1/);
      const status = await admin.lookupInvoice(created.paymentHash);
      expect(status.state).toBe('open');
      expect(Math.abs(status.expiresAt!.getTime() - expiresAt.getTime())).toBeLessThan(2_000);
    });

    it('answers not_found for an invoice it never had', async () => {
      expect(await admin.lookupInvoice('ab'.repeat(32))).toEqual({ state: 'not_found' });
    });

    it('settles a payment: lookup says paid, the stream says paid with a settle index', async () => {
      const paid: Array<{ hash: string; index: number }> = [];
      let connected = false;
      const stream = admin.followPayments({
        settledAfter: () => 0,
        onPaid: (hash, index) => paid.push({ hash, index }),
        onConnected: () => (connected = true),
        onDisconnected: () => undefined,
      });
      try {
        await waitUntil(() => connected, 'the stream connects');
        const created = await invoice();
        await target.pay(created.paymentRequest);
        await waitUntil(
          () => paid.some((p) => p.hash === created.paymentHash),
          'the stream reports it',
          30_000,
        );
        expect(paid.find((p) => p.hash === created.paymentHash)!.index).toBeGreaterThan(0);
        expect((await admin.lookupInvoice(created.paymentHash)).state).toBe('paid');
      } finally {
        stream.stop();
      }
    });

    it('replays settlements after the settle index given, and none at or before it', async () => {
      const first = await invoice();
      const second = await invoice();
      await target.pay(first.paymentRequest);
      await target.pay(second.paymentRequest);
      const listed = await lnService.getInvoices({ lnd: adminLnd, limit: 1000 });
      // ln-service lists confirmed_index although its typings lack it.
      const indexOf = (hash: string) =>
        (listed.invoices.find((i) => i.id === hash) as { confirmed_index?: number })
          .confirmed_index!;
      const firstIndex = indexOf(first.paymentHash);
      expect(indexOf(second.paymentHash)).toBeGreaterThan(firstIndex);

      const replayed: string[] = [];
      const stream = admin.followPayments({
        settledAfter: () => firstIndex,
        onPaid: (hash) => replayed.push(hash),
        onConnected: () => undefined,
        onDisconnected: () => undefined,
      });
      try {
        await waitUntil(
          () => replayed.includes(second.paymentHash),
          'the second is replayed',
          20_000,
        );
        expect(replayed).not.toContain(first.paymentHash);
      } finally {
        stream.stop();
      }
    });

    it('deletes a canceled invoice (gc on the fly): lookup says not_found', async () => {
      const created = await invoice();
      await lnService.cancelHodlInvoice({ lnd: adminLnd, id: created.paymentHash });
      await waitUntil(
        async () => (await admin.lookupInvoice(created.paymentHash)).state === 'not_found',
        'the canceled invoice is gone',
      );
    });

    it('cancels an invoice at its expiry, then deletes it', async () => {
      const created = await invoice(2);
      await waitUntil(
        async () => (await admin.lookupInvoice(created.paymentHash)).state === 'not_found',
        'the expired invoice is gone',
        30_000,
      );
    });

    it.each<
      [
        string,
        (t: ContractTarget) => Promise<string>,
        { invoicesRead: boolean; invoicesWrite: boolean; infoRead: boolean },
      ]
    >([
      [
        'admin.macaroon',
        async (t) => t.adminMacaroonBase64,
        { invoicesRead: true, invoicesWrite: true, infoRead: true },
      ],
      [
        'invoice.macaroon',
        async (t) => t.invoiceMacaroonBase64,
        { invoicesRead: true, invoicesWrite: true, infoRead: false },
      ],
      [
        'baked invoices:read invoices:write',
        (t) => t.bake(['invoices:read', 'invoices:write']),
        { invoicesRead: true, invoicesWrite: true, infoRead: false },
      ],
      [
        'baked invoices:read',
        (t) => t.bake(['invoices:read']),
        { invoicesRead: true, invoicesWrite: false, infoRead: false },
      ],
      [
        'baked info:read',
        (t) => t.bake(['info:read']),
        { invoicesRead: false, invoicesWrite: false, infoRead: true },
      ],
    ])('tells what %s grants, creating nothing', async (_name, macaroon, expected) => {
      const before = await invoiceCount();
      expect(await nodeWith(await macaroon(target)).checkAccess()).toEqual(expected);
      expect(await invoiceCount()).toBe(before);
    });

    it('refuses GetInfo to invoice.macaroon as permission_denied', async () => {
      await expect(nodeWith(target.invoiceMacaroonBase64).describe()).rejects.toMatchObject({
        problem: 'permission_denied',
      });
      expect((await admin.describe()).network).toBe('regtest');
    });

    it('loses the stream when the link drops, and replays what was paid meanwhile', async () => {
      const port = Number(target.grpcHost.split(':')[1]);
      const proxy: TcpProxy = await startTcpProxy('127.0.0.1', port);
      const viaProxy = nodeWith(target.adminMacaroonBase64, `localhost:${proxy.port}`);
      const paid: string[] = [];
      let lastIndex = 0;
      let connections = 0;
      let disconnections = 0;
      const stream = viaProxy.followPayments({
        settledAfter: () => lastIndex,
        onPaid: (hash, index) => {
          paid.push(hash);
          lastIndex = Math.max(lastIndex, index);
        },
        onConnected: () => connections++,
        onDisconnected: () => disconnections++,
      });
      try {
        await waitUntil(() => connections === 1, 'connected');
        const warmup = await invoice();
        await target.pay(warmup.paymentRequest);
        await waitUntil(
          () => paid.includes(warmup.paymentHash),
          'the first payment arrives',
          30_000,
        );
        proxy.pause(); // the link goes silent...
        const missed = await invoice();
        await target.pay(missed.paymentRequest);
        proxy.dropConnections(); // ...then breaks
        proxy.resume();
        await waitUntil(() => disconnections >= 1 && connections >= 2, 'reconnected', 30_000);
        await waitUntil(
          () => paid.includes(missed.paymentHash),
          'the missed payment is replayed',
          30_000,
        );
      } finally {
        stream.stop();
        await proxy.close();
      }
    });

    it(
      'finds the invoices again after a restart of the node',
      async () => {
        const created = await invoice();
        await target.pay(created.paymentRequest);
        await target.restart();
        await waitUntil(
          async () => {
            try {
              return (await admin.lookupInvoice(created.paymentHash)).state === 'paid';
            } catch {
              return false; // still starting
            }
          },
          'the node answers again',
          120_000,
        );
      },
      timeoutMs,
    );
  });
}
