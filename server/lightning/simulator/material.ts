// Key material of a simulated node: TLS pair, secp256k1 node key, macaroon root key and the three
// macaroons LND writes (admin, invoice, readonly).
// With a data dir the material is reused across restarts; without one it lives in memory only.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPrivate } from 'tiny-secp256k1';
import { readIfExists, writeFileAtomicSync } from './fs-atomic';
import { ADMIN_PERMISSIONS, bakeMacaroon, INVOICE_PERMISSIONS, READ_PERMISSIONS } from './macaroon';
import { generateTlsPair, type TlsPair } from './tls-cert';

/** Everything secret or identifying about one simulated node. */
export interface KeyMaterial {
  certPem: string;
  keyPem: string;
  /** 32-byte secp256k1 private key that signs BOLT11 payment requests. */
  nodeKey: Buffer;
  /** Key that signs macaroons (derived from the node key, so it persists with it). */
  rootKey: Buffer;
  /** Raw macaroon bytes; clients send them hex-encoded in the `macaroon` metadata. */
  macaroons: { admin: Buffer; invoice: Buffer; readonly: Buffer };
}

/** File names inside a simulator data dir. */
export const FILES = {
  cert: 'tls.cert',
  key: 'tls.key',
  macaroon: 'admin.macaroon',
  invoiceMacaroon: 'invoice.macaroon',
  readonlyMacaroon: 'readonly.macaroon',
  nodeKey: 'node.key',
  invoices: 'invoices.jsonl',
} as const;

function newNodeKey(): Buffer {
  for (;;) {
    const key = randomBytes(32);
    if (isPrivate(key)) return key;
  }
}

function readNodeKey(dir: string): Buffer | undefined {
  const text = readIfExists(path.join(dir, FILES.nodeKey))?.toString('utf8').trim();
  if (!text) return undefined;
  const key = Buffer.from(text, 'hex');
  if (key.length !== 32 || !isPrivate(key)) {
    throw new Error(`lnd simulator: ${FILES.nodeKey} in ${dir} is not a valid private key`);
  }
  return key;
}

/** How the node gets its TLS certificate. */
export interface TlsChoice {
  /** A given certificate and key (one a CA signed, say): served instead of any other. */
  pair?: TlsPair;
  /** Extra names for a self-signed certificate made now, as LND's `tlsextradomain`. */
  extraDomains?: readonly string[];
}

/**
 * Loads the material stored in `dir` (when given), generating whatever is missing. As LND, a
 * TLS pair already in `dir` is kept (delete both files to get a new one) unless one is given.
 * Does not write anything: call `saveMaterial` once the server is listening.
 */
export function loadMaterial(dir?: string, tlsChoice: TlsChoice = {}): KeyMaterial {
  const cert = dir ? readIfExists(path.join(dir, FILES.cert))?.toString('utf8') : undefined;
  const key = dir ? readIfExists(path.join(dir, FILES.key))?.toString('utf8') : undefined;
  const tls =
    tlsChoice.pair ??
    (cert && key ? { certPem: cert, keyPem: key } : generateTlsPair(tlsChoice.extraDomains));
  const nodeKey = (dir ? readNodeKey(dir) : undefined) ?? newNodeKey();
  const rootKey = createHmac('sha256', nodeKey)
    .update('boltboard lnd simulator macaroons')
    .digest();
  return {
    ...tls,
    nodeKey,
    rootKey,
    macaroons: {
      admin: bakeMacaroon(rootKey, ADMIN_PERMISSIONS),
      invoice: bakeMacaroon(rootKey, INVOICE_PERMISSIONS),
      readonly: bakeMacaroon(rootKey, READ_PERMISSIONS),
    },
  };
}

/** Creates `dir` (recursively) if needed. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function sameContent(file: string, data: Buffer): boolean {
  const existing = readIfExists(file);
  return existing !== undefined && existing.equals(data);
}

/** Writes the material into `dir` atomically; files already holding the same bytes are left alone. */
export function saveMaterial(dir: string, material: KeyMaterial): void {
  const files: Array<[string, Buffer, number]> = [
    [FILES.key, Buffer.from(material.keyPem, 'utf8'), 0o600],
    [FILES.nodeKey, Buffer.from(material.nodeKey.toString('hex') + '\n', 'utf8'), 0o600],
    [FILES.cert, Buffer.from(material.certPem, 'utf8'), 0o644],
    [FILES.macaroon, material.macaroons.admin, 0o600],
    [FILES.invoiceMacaroon, material.macaroons.invoice, 0o644],
    [FILES.readonlyMacaroon, material.macaroons.readonly, 0o644],
  ];
  for (const [name, data, mode] of files) {
    const file = path.join(dir, name);
    if (!sameContent(file, data)) writeFileAtomicSync(file, data, mode);
  }
}
