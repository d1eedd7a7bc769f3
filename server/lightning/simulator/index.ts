// Regtest LND simulator (dev/test tool, NOT a Lightning node): serves LND's real gRPC protocol
// (subsets of lnrpc.Lightning, routerrpc.Router, invoicesrpc.Invoices and lnrpc.State) so
// unmodified ln-service code can run against it, and can fail the ways LND v0.20 fails.
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { GateContext } from './auth';
import { publicKeyOf } from './bolt11';
import { ExpiryWatcher } from './expiry-watcher';
import { memoryJournal, openFileJournal } from './invoice-journal';
import { InvoiceStore } from './invoice-store';
import { bakeMacaroon, type Permission } from './macaroon';
import { ensureDir, FILES, loadMaterial, saveMaterial } from './material';
import type { NodeState } from './node-state';
import { loadLndServices } from './protos';
import { cancelInvoice } from './rpc-cancel-invoice';
import { getInfoResponse } from './rpc-info';
import { addInvoice, listInvoices, lookupInvoice } from './rpc-invoices';
import { sendPaymentSync, sendPaymentV2 } from './rpc-payments';
import { getState } from './rpc-state';
import { subscribeInvoices } from './rpc-subscribe-invoices';
import type { TlsPair } from './tls-cert';
import { startGrpcServer, stopGrpcServer } from './server';
import { StreamRegistry } from './stream-registry';

export { SIMULATOR_ALIAS } from './rpc-info';
export type { TlsPair } from './tls-cert';
export { NODE_STATES, isNodeState, type NodeState } from './node-state';
export { ADMIN_PERMISSIONS, INVOICE_PERMISSIONS, READ_PERMISSIONS } from './macaroon';

/** A running simulator. */
export interface LndSimulator {
  /** 'localhost:PORT' (use the name, not the IP, so TLS verification matches without warnings). */
  host: string;
  port: number;
  /** PEM certificate, base64 — ln-service `authenticatedLndGrpc({ cert })`. */
  certBase64: string;
  /** admin.macaroon bytes, base64 — ln-service `authenticatedLndGrpc({ macaroon })`. */
  macaroonBase64: string;
  /** invoice.macaroon (LND's invoice permissions: no info:read, no offchain), base64. */
  invoiceMacaroonBase64: string;
  /** readonly.macaroon (every :read permission), base64. */
  readonlyMacaroonBase64: string;
  /** Node identity public key (hex), the destination of every payment request it issues. */
  publicKey: string;
  /** Absolute paths of the files in the data dir, when running with one. */
  certPath?: string;
  macaroonPath?: string;
  invoiceMacaroonPath?: string;
  readonlyMacaroonPath?: string;
  /** A macaroon granting exactly `permissions` (LND's `entity:action` or `uri:/pkg.Service/Method`). */
  bakeMacaroon(permissions: readonly Permission[]): Buffer;
  /**
   * Simulates an incoming payment: settles an open invoice (durably) and notifies subscribers.
   * `amountMsat` is needed only for any-amount invoices. False if unknown, canceled, already
   * settled, or the node is not ready (a locked node receives nothing).
   */
  settleInvoice(paymentHashHex: string, amountMsat?: string): Promise<boolean>;
  /** Cancels an open invoice as CancelInvoice does; false if unknown or settled. */
  cancelInvoice(paymentHashHex: string): Promise<boolean>;
  /** Fault injection: ends every open SubscribeInvoices stream with UNAVAILABLE. */
  dropInvoiceStreams(): void;
  /**
   * Fault injection: while on, every SubscribeInvoices stream (open or opened meanwhile) stays
   * open but receives nothing; events of that time are lost to those streams, not queued.
   */
  silenceInvoiceStreams(on: boolean): void;
  /** Readiness: anything but 'ready' makes every gated RPC fail as LND does (existing streams stay). */
  setNodeState(state: NodeState): void;
  readonly nodeState: NodeState;
  /**
   * Shifts the node's clock (invoice creation dates, expiry, settle dates) by `offsetMs` from the
   * host's; resolves once invoices that expired by the new clock are canceled.
   */
  setClockOffsetMs(offsetMs: number): Promise<void>;
  readonly clockOffsetMs: number;
  /** Ends streams, stops the server and flushes/closes the invoice journal. Idempotent. */
  stop(): Promise<void>;
}

/** Where and how to run. */
export interface LndSimulatorOptions {
  /** Data dir for tls.cert, tls.key, the macaroons, node.key and invoices; in-memory when absent. */
  dir?: string;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  logger?: (msg: string) => void;
  /** LND's gc-canceled-invoices-on-the-fly: canceled (and expired) invoices are deleted. */
  gcCanceledInvoices?: boolean;
  /** Initial offset of the node's clock from the host's, in ms. */
  clockOffsetMs?: number;
  /** Initial readiness (default 'ready'). */
  nodeState?: NodeState;
  /** Serve this certificate and key (say, one a CA signed) instead of a self-signed one. */
  tls?: TlsPair;
  /**
   * LND's `tlsextradomain`: extra names (an onion address, say) in the self-signed certificate
   * made when the data dir has none. As LND, delete tls.cert and tls.key to get a new one.
   */
  tlsExtraDomains?: readonly string[];
}

/** Starts a simulator; resolves once it is listening (and, with a dir, its key files are written). */
export async function startLndSimulator(options: LndSimulatorOptions = {}): Promise<LndSimulator> {
  const log = options.logger ?? ((): void => undefined);
  const dir = options.dir ? path.resolve(options.dir) : undefined;
  if (dir) ensureDir(dir);
  const material = loadMaterial(dir, { pair: options.tls, extraDomains: options.tlsExtraDomains });
  const opened = dir
    ? await openFileJournal(path.join(dir, FILES.invoices))
    : { journal: memoryJournal, invoices: [], lastAddIndex: 0 };
  const store = new InvoiceStore(opened.journal, opened.invoices, {
    gcCanceled: options.gcCanceledInvoices ?? false,
    lastAddIndex: opened.lastAddIndex,
  });
  let clockOffsetMs = options.clockOffsetMs ?? 0;
  let nodeState: NodeState = options.nodeState ?? 'ready';
  const nowMs = (): number => Date.now() + clockOffsetMs;
  const watcher = new ExpiryWatcher(store, nowMs, log);
  await watcher.sweep();
  const pubkey = publicKeyOf(material.nodeKey);
  const streams = new StreamRegistry();
  let paymentIndex = 0;
  const invoiceCtx = { store, nodeKey: material.nodeKey, streams, nowMs };
  const paymentCtx = {
    store,
    pubkey: pubkey.toString('hex'),
    nextPaymentIndex: () => (paymentIndex += 1),
    nowMs,
  };
  const gate: GateContext = { rootKey: material.rootKey, state: () => nodeState };
  const services = loadLndServices();

  let bound: { server: grpc.Server; port: number };
  try {
    bound = await startGrpcServer({
      services: [
        {
          definition: services.lightning,
          gated: true,
          impls: {
            GetInfo: () => getInfoResponse(pubkey),
            AddInvoice: addInvoice(invoiceCtx),
            LookupInvoice: lookupInvoice(invoiceCtx),
            ListInvoices: listInvoices(invoiceCtx),
            SubscribeInvoices: subscribeInvoices(invoiceCtx),
            SendPaymentSync: sendPaymentSync(paymentCtx),
          },
        },
        {
          definition: services.router,
          gated: true,
          impls: { SendPaymentV2: sendPaymentV2(paymentCtx) },
        },
        {
          definition: services.invoices,
          gated: true,
          impls: { CancelInvoice: cancelInvoice(invoiceCtx) },
        },
        { definition: services.state, gated: false, impls: { GetState: getState(gate.state) } },
      ],
      gate,
      certPem: material.certPem,
      keyPem: material.keyPem,
      port: options.port ?? 0,
      log,
    });
    if (dir) saveMaterial(dir, material);
  } catch (err) {
    await watcher.stop();
    await store.close();
    throw err;
  }
  const { server, port } = bound;
  log(
    `boltboard lnd simulator (regtest, not a real node) listening on localhost:${port}, ${store.size} invoices`,
  );

  const inDir = (file: string): string | undefined => (dir ? path.join(dir, file) : undefined);
  let stopping: Promise<void> | undefined;
  return {
    host: `localhost:${port}`,
    port,
    certBase64: Buffer.from(material.certPem, 'utf8').toString('base64'),
    macaroonBase64: material.macaroons.admin.toString('base64'),
    invoiceMacaroonBase64: material.macaroons.invoice.toString('base64'),
    readonlyMacaroonBase64: material.macaroons.readonly.toString('base64'),
    publicKey: pubkey.toString('hex'),
    certPath: inDir(FILES.cert),
    macaroonPath: inDir(FILES.macaroon),
    invoiceMacaroonPath: inDir(FILES.invoiceMacaroon),
    readonlyMacaroonPath: inDir(FILES.readonlyMacaroon),
    bakeMacaroon: (permissions) => bakeMacaroon(material.rootKey, permissions),
    async settleInvoice(paymentHashHex, amountMsat) {
      if (nodeState !== 'ready') return false;
      const result = await store.settle(
        paymentHashHex.toLowerCase(),
        amountMsat ? BigInt(amountMsat) : undefined,
        nowMs(),
      );
      return result.ok;
    },
    async cancelInvoice(paymentHashHex) {
      return (await store.cancel(paymentHashHex.toLowerCase())) === 'canceled';
    },
    dropInvoiceStreams() {
      streams.failAll(
        grpc.status.UNAVAILABLE,
        'invoice stream dropped by the lnd simulator (fault injection)',
      );
    },
    silenceInvoiceStreams(on) {
      streams.silenced = on;
    },
    setNodeState(state) {
      nodeState = state;
    },
    get nodeState() {
      return nodeState;
    },
    setClockOffsetMs(offsetMs) {
      if (!Number.isFinite(offsetMs)) throw new Error(`invalid clock offset ${offsetMs}`);
      clockOffsetMs = offsetMs;
      return watcher.sweep();
    },
    get clockOffsetMs() {
      return clockOffsetMs;
    },
    stop() {
      stopping ??= (async () => {
        streams.failAll(grpc.status.UNAVAILABLE, 'lnd simulator shutting down');
        await watcher.stop();
        await stopGrpcServer(server);
        await store.close();
        log('boltboard lnd simulator stopped');
      })();
      return stopping;
    },
  };
}
