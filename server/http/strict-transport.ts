import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { peerIsTrustedProxy, type TrustProxy } from './client-address';

/** A year: browsers then use https only for this host, even from a typed http:// address. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Whether the request reached Boltboard over TLS: on its own socket, or, from a proxy trusted
 * by TRUST_PROXY, as that proxy says (`X-Forwarded-Proto`, or `proto=` of `Forwarded`; the
 * value the nearest proxy set, the last one).
 */
export function cameOverTls(req: IncomingMessage, trust: TrustProxy): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted) return true;
  if (trust.kind === 'none' || !peerIsTrustedProxy(req, trust)) return false;
  const protos =
    trust.header === 'forwarded'
      ? [...String(req.headers.forwarded ?? '').matchAll(/proto=("?)(\w+)\1/gi)].map((m) => m[2])
      : String(req.headers['x-forwarded-proto'] ?? '').split(',');
  return protos.at(-1)?.trim().toLowerCase() === 'https';
}

/** HSTS on every answer that came over TLS; never over plain http, where it means nothing. */
export function setStrictTransportSecurity(
  req: IncomingMessage,
  res: ServerResponse,
  trust: TrustProxy,
): void {
  if (cameOverTls(req, trust))
    res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
}
