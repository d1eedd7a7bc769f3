// lnrpc.Lightning invoice RPCs: AddInvoice, LookupInvoice, ListInvoices
// (SubscribeInvoices and invoicesrpc CancelInvoice have files of their own).
import { createHash, randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { UnaryImpl } from './auth';
import { signPaymentRequest } from './bolt11';
import { DEFAULT_CLTV_EXPIRY, DEFAULT_INVOICE_EXPIRY } from './chain';
import { bool, bytes, int, str, type Message } from './fields';
import type { StoredInvoice } from './invoice';
import { toRpcInvoice } from './invoice-message';
import { DuplicateInvoiceError, type InvoiceStore } from './invoice-store';
import { RpcError } from './rpc-error';
import type { StreamRegistry } from './stream-registry';

const MAX_MEMO_BYTES = 639; // the most a BOLT11 `d` field can hold
const MAX_EXPIRY_SEC = 365 * 24 * 3600;
const DEFAULT_LIST_MAX = 100;

/** What the invoice RPCs need from the simulator. */
export interface InvoiceRpcContext {
  store: InvoiceStore;
  nodeKey: Buffer;
  streams: StreamRegistry;
  /** The node's clock (ms since the epoch), which tests may shift away from the host's. */
  nowMs: () => number;
}

/**
 * LND's words for a missing invoice: ErrNoInvoicesCreated while the node never had one,
 * ErrInvoiceNotFound afterwards (deleted invoices included).
 */
export function invoiceNotFoundMessage(ctx: InvoiceRpcContext): string {
  return ctx.store.neverHadInvoices ? 'there are no existing invoices' : 'unable to locate invoice';
}

const invalid = (message: string): RpcError => new RpcError(grpc.status.INVALID_ARGUMENT, message);

function requestedValueMsat(request: Message): bigint {
  const sat = int(request, 'value');
  const msat = int(request, 'value_msat');
  // As lnrpc.UnmarshallAmt answers (a plain error: gRPC UNKNOWN).
  if (sat !== 0n && msat !== 0n) {
    throw new RpcError(grpc.status.UNKNOWN, 'sat and msat arguments are mutually exclusive');
  }
  const value = msat !== 0n ? msat : sat * 1000n;
  if (value < 0n) throw new RpcError(grpc.status.UNKNOWN, 'amount cannot be negative');
  return value;
}

function requestedPreimage(request: Message): Buffer {
  const preimage = bytes(request, 'r_preimage');
  if (preimage.length === 0) return randomBytes(32);
  if (preimage.length !== 32) throw invalid('payment preimage must be exactly 32 bytes');
  return preimage;
}

/** AddInvoice: creates an invoice with a signed regtest BOLT11 request (LND semantics and defaults). */
export function addInvoice(ctx: InvoiceRpcContext): UnaryImpl {
  return async (request) => {
    const memo = str(request, 'memo');
    if (Buffer.byteLength(memo, 'utf8') > MAX_MEMO_BYTES)
      throw invalid(`memo too large, max ${MAX_MEMO_BYTES} bytes`);
    const descriptionHash = bytes(request, 'description_hash');
    if (descriptionHash.length !== 0 && descriptionHash.length !== 32)
      throw invalid('description hash must be exactly 32 bytes');
    const valueMsat = requestedValueMsat(request);
    const expiry = Number(int(request, 'expiry')) || DEFAULT_INVOICE_EXPIRY;
    if (expiry < 0 || expiry > MAX_EXPIRY_SEC)
      throw invalid(`expiry must be between 0 and ${MAX_EXPIRY_SEC} seconds`);
    const cltvExpiry = Number(int(request, 'cltv_expiry')) || DEFAULT_CLTV_EXPIRY;
    const preimage = requestedPreimage(request);
    const paymentHash = createHash('sha256').update(preimage).digest();
    if (ctx.store.get(paymentHash.toString('hex')))
      throw new RpcError(grpc.status.UNKNOWN, new DuplicateInvoiceError().message);
    const paymentAddr = randomBytes(32);
    const createdAt = Math.floor(ctx.nowMs() / 1000);
    const paymentRequest = signPaymentRequest({
      nodeKey: ctx.nodeKey,
      paymentHash,
      paymentAddr,
      valueMsat,
      memo,
      descriptionHash,
      createdAtSec: createdAt,
      expirySec: expiry,
      cltvExpiry,
    });
    let invoice: StoredInvoice;
    try {
      invoice = await ctx.store.add({
        hash: paymentHash.toString('hex'),
        preimage: preimage.toString('hex'),
        paymentAddr: paymentAddr.toString('hex'),
        memo,
        descriptionHash: descriptionHash.toString('hex'),
        valueMsat: valueMsat.toString(),
        createdAt,
        expiry,
        cltvExpiry,
        request: paymentRequest,
      });
    } catch (err) {
      if (err instanceof DuplicateInvoiceError)
        throw new RpcError(grpc.status.UNKNOWN, err.message);
      throw err;
    }
    return {
      r_hash: paymentHash,
      payment_request: paymentRequest,
      add_index: String(invoice.addIndex),
      payment_addr: paymentAddr,
    };
  };
}

/**
 * LookupInvoice: by r_hash (bytes) or the deprecated r_hash_str (hex), checked like LND
 * (a plain error, so UNKNOWN); NOT_FOUND when the invoice does not exist (or was deleted).
 */
export function lookupInvoice(ctx: InvoiceRpcContext): UnaryImpl {
  return (request) => {
    const hashStr = str(request, 'r_hash_str');
    if (hashStr && !/^([0-9a-f]{2})*$/i.test(hashStr))
      throw new RpcError(grpc.status.UNKNOWN, 'encoding/hex: invalid byte in r_hash_str');
    const hash = hashStr ? Buffer.from(hashStr, 'hex') : bytes(request, 'r_hash');
    if (hash.length !== 0 && hash.length !== 32) {
      throw new RpcError(
        grpc.status.UNKNOWN,
        `payment hash must be exactly 32 bytes, is instead ${hash.length}`,
      );
    }
    const invoice = hash.length === 32 ? ctx.store.get(hash.toString('hex')) : undefined;
    if (!invoice) throw new RpcError(grpc.status.NOT_FOUND, invoiceNotFoundMessage(ctx));
    return toRpcInvoice(invoice);
  };
}

/** ListInvoices: LND paging (exclusive index_offset, `reversed` seeks backwards, results ascending). */
export function listInvoices(ctx: InvoiceRpcContext): UnaryImpl {
  return (request) => {
    const invoices = ctx.store.list({
      indexOffset: Number(int(request, 'index_offset')),
      max: Number(int(request, 'num_max_invoices')) || DEFAULT_LIST_MAX,
      reversed: bool(request, 'reversed'),
      pendingOnly: bool(request, 'pending_only'),
      createdFrom: Number(int(request, 'creation_date_start')),
      createdUntil: Number(int(request, 'creation_date_end')),
    });
    return {
      invoices: invoices.map((invoice) => toRpcInvoice(invoice)),
      first_index_offset: String(invoices[0]?.addIndex ?? 0),
      last_index_offset: String(invoices[invoices.length - 1]?.addIndex ?? 0),
    };
  };
}
