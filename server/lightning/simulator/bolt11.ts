// BOLT11 regtest payment requests signed with the simulated node's secp256k1 key.
// Uses the `invoices` package (the one ln-service decodes with), loaded through require because
// it ships no TypeScript declarations; only the functions used here are typed.
import { createRequire } from 'node:module';
import { pointFromScalar, sign } from 'tiny-secp256k1';

interface UnsignedRequestArgs {
  cltv_delta?: number;
  created_at: string;
  description?: string;
  description_hash?: string;
  destination: string;
  expires_at: string;
  features: Array<{ bit: number }>;
  id: string;
  mtokens?: string;
  network: string;
  payment: string;
}

/** Fields of a decoded payment request that the simulator relies on. */
export interface ParsedRequest {
  id: string;
  destination: string;
  network: string;
  mtokens?: string;
  expires_at: string;
  payment?: string;
}

interface InvoicesLib {
  createUnsignedRequest(args: UnsignedRequestArgs): { hash: string; hrp: string; tags: number[] };
  createSignedRequest(args: {
    destination: string;
    hrp: string;
    signature: string;
    tags: number[];
  }): { request: string };
  parsePaymentRequest(args: { request: string }): ParsedRequest;
}

const invoicesLib = createRequire(import.meta.url)('invoices') as InvoicesLib;

/** Feature bits LND puts in its invoices: tlv-onion (8, required), payment-addr (14, required), multi-path-payments (17). */
export const INVOICE_FEATURES: ReadonlyArray<{ bit: number; name: string; required: boolean }> = [
  { bit: 8, name: 'tlv-onion', required: true },
  { bit: 14, name: 'payment-addr', required: true },
  { bit: 17, name: 'multi-path-payments', required: false },
];

/** Compressed (33-byte) public key of a node private key. */
export function publicKeyOf(nodeKey: Buffer): Buffer {
  const point = pointFromScalar(nodeKey, true);
  if (!point) throw new Error('invalid node key');
  return Buffer.from(point);
}

/** What goes into a payment request. */
export interface RequestFields {
  nodeKey: Buffer;
  paymentHash: Buffer;
  paymentAddr: Buffer;
  valueMsat: bigint;
  /** Used as the `d` field unless `descriptionHash` is non-empty (then `h` is used, like LND). */
  memo: string;
  descriptionHash: Buffer;
  createdAtSec: number;
  expirySec: number;
  cltvExpiry: number;
}

/** Encodes and signs a regtest (`lnbcrt...`) BOLT11 payment request. */
export function signPaymentRequest(fields: RequestFields): string {
  const destination = publicKeyOf(fields.nodeKey).toString('hex');
  const hasHash = fields.descriptionHash.length > 0;
  const unsigned = invoicesLib.createUnsignedRequest({
    cltv_delta: fields.cltvExpiry,
    created_at: new Date(fields.createdAtSec * 1000).toISOString(),
    description: hasHash ? undefined : fields.memo,
    description_hash: hasHash ? fields.descriptionHash.toString('hex') : undefined,
    destination,
    expires_at: new Date((fields.createdAtSec + fields.expirySec) * 1000).toISOString(),
    features: INVOICE_FEATURES.map(({ bit }) => ({ bit })),
    id: fields.paymentHash.toString('hex'),
    mtokens: fields.valueMsat > 0n ? fields.valueMsat.toString() : undefined,
    network: 'regtest',
    payment: fields.paymentAddr.toString('hex'),
  });
  const signature = Buffer.from(sign(Buffer.from(unsigned.hash, 'hex'), fields.nodeKey));
  return invoicesLib.createSignedRequest({
    destination,
    hrp: unsigned.hrp,
    signature: signature.toString('hex'),
    tags: unsigned.tags,
  }).request;
}

/** Decodes a BOLT11 payment request; undefined when it is not a valid one. */
export function parseRequest(request: string): ParsedRequest | undefined {
  try {
    return invoicesLib.parsePaymentRequest({ request });
  } catch {
    return undefined;
  }
}
