// Regtest LND simulator (dev/test tool, NOT a Lightning node): serves LND's real gRPC protocol
// (lnrpc.Lightning + routerrpc.Router subset) so unmodified ln-service code can run against it.
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { handlerFactory } from './auth';
import { publicKeyOf } from './bolt11';
import { memoryJournal, openFileJournal } from './invoice-journal';
import { InvoiceStore } from './invoice-store';
import { ensureDir, FILES, loadMaterial, saveMaterial } from './material';
import { loadLndServices } from './protos';
import { getInfoResponse } from './rpc-info';
import { addInvoice, listInvoices, lookupInvoice, subscribeInvoices } from './rpc-invoices';
import { sendPaymentSync, sendPaymentV2 } from './rpc-payments';
import { startGrpcServer, stopGrpcServer } from './server';
import { StreamRegistry } from './stream-registry';

export { SIMULATOR_ALIAS } from './rpc-info';

/** A running simulator. */
export interface LndSimulator {
  /** 'localhost:PORT' (use the name, not the IP, so TLS verification matches without warnings). */
  host: string;
  port: number;
  /** PEM certificate, base64 — ln-service `authenticatedLndGrpc({ cert })`. */
  certBase64: string;
  /** Macaroon bytes, base64 — ln-service `authenticatedLndGrpc({ macaroon })`. */
  macaroonBase64: string;
  /** Node identity public key (hex), the destination of every payment request it issues. */
  publicKey: string;
  /** Absolute paths of tls.cert / admin.macaroon when running with a data dir. */
  certPath?: string;
  macaroonPath?: string;
  /**
   * Simulates an incoming payment: settles an open invoice (durably) and notifies subscribers.
   * `amountMsat` is needed only for any-amount invoices. False if unknown, expired or already settled.
   */
  settleInvoice(paymentHashHex: string, amountMsat?: string): Promise<boolean>;
  /** Fault injection: ends every open SubscribeInvoices stream with UNAVAILABLE. */
  dropInvoiceStreams(): void;
  /** Ends streams, stops the server and flushes/closes the invoice journal. Idempotent. */
  stop(): Promise<void>;
}

/** Where and how to run. */
export interface LndSimulatorOptions {
  /** Data dir for tls.cert, tls.key, admin.macaroon, node.key and invoices; in-memory when absent. */
  dir?: string;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  logger?: (msg: string) => void;
}

/** Starts a simulator; resolves once it is listening (and, with a dir, its key files are written). */
export async function startLndSimulator(options: LndSimulatorOptions = {}): Promise<LndSimulator> {
  const log = options.logger ?? ((): void => undefined);
  const dir = options.dir ? path.resolve(options.dir) : undefined;
  if (dir) ensureDir(dir);
  const material = loadMaterial(dir);
  const opened = dir
    ? await openFileJournal(path.join(dir, FILES.invoices))
    : { journal: memoryJournal, invoices: [] };
  const store = new InvoiceStore(opened.journal, opened.invoices);
  const pubkey = publicKeyOf(material.nodeKey);
  const streams = new StreamRegistry();
  const h = handlerFactory(material.macaroon, log);
  let paymentIndex = 0;
  const invoiceCtx = { store, nodeKey: material.nodeKey, streams };
  const paymentCtx = {
    store,
    pubkey: pubkey.toString('hex'),
    nextPaymentIndex: () => (paymentIndex += 1),
  };
  const services = loadLndServices();

  let bound: { server: grpc.Server; port: number };
  try {
    bound = await startGrpcServer({
      services: [
        {
          definition: services.lightning,
          handlers: {
            GetInfo: h.unary('GetInfo', () => getInfoResponse(pubkey)),
            AddInvoice: h.unary('AddInvoice', addInvoice(invoiceCtx)),
            LookupInvoice: h.unary('LookupInvoice', lookupInvoice(invoiceCtx)),
            ListInvoices: h.unary('ListInvoices', listInvoices(invoiceCtx)),
            SubscribeInvoices: h.stream('SubscribeInvoices', subscribeInvoices(invoiceCtx)),
            SendPaymentSync: h.unary('SendPaymentSync', sendPaymentSync(paymentCtx)),
          },
        },
        {
          definition: services.router,
          handlers: { SendPaymentV2: h.stream('SendPaymentV2', sendPaymentV2(paymentCtx)) },
        },
      ],
      macaroon: material.macaroon,
      certPem: material.certPem,
      keyPem: material.keyPem,
      port: options.port ?? 0,
    });
    if (dir) saveMaterial(dir, material);
  } catch (err) {
    await store.close();
    throw err;
  }
  const { server, port } = bound;
  log(
    `boltboard lnd simulator (regtest, not a real node) listening on localhost:${port}, ${store.size} invoices`,
  );

  let stopping: Promise<void> | undefined;
  return {
    host: `localhost:${port}`,
    port,
    certBase64: Buffer.from(material.certPem, 'utf8').toString('base64'),
    macaroonBase64: material.macaroon.toString('base64'),
    publicKey: pubkey.toString('hex'),
    certPath: dir ? path.join(dir, FILES.cert) : undefined,
    macaroonPath: dir ? path.join(dir, FILES.macaroon) : undefined,
    async settleInvoice(paymentHashHex, amountMsat) {
      const result = await store.settle(
        paymentHashHex.toLowerCase(),
        amountMsat ? BigInt(amountMsat) : undefined,
      );
      return result.ok;
    },
    dropInvoiceStreams() {
      streams.failAll(
        grpc.status.UNAVAILABLE,
        'invoice stream dropped by the lnd simulator (fault injection)',
      );
    },
    stop() {
      stopping ??= (async () => {
        streams.failAll(grpc.status.UNAVAILABLE, 'lnd simulator shutting down');
        await stopGrpcServer(server);
        await store.close();
        log('boltboard lnd simulator stopped');
      })();
      return stopping;
    },
  };
}
