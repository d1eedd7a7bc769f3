// Self-signed ECDSA P-256 TLS certificate for the simulator's gRPC endpoint, made with `openssl`.
// ln-service restricts gRPC TLS to ECDSA cipher suites, so an RSA certificate would not work.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A PEM certificate and its PEM private key. */
export interface TlsPair {
  certPem: string;
  keyPem: string;
}

/**
 * Generates a self-signed P-256 certificate for localhost / 127.0.0.1 and `extraDomains` (as
 * LND's `tlsextradomain`, e.g. the node's onion name), valid ~10 years.
 * Requires the `openssl` binary on PATH; throws with a clear message otherwise.
 */
export function generateTlsPair(extraDomains: readonly string[] = []): TlsPair {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lnd-sim-tls-'));
  const keyFile = path.join(dir, 'tls.key');
  const certFile = path.join(dir, 'tls.cert');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '3650',
        '-subj',
        '/O=boltboard lnd simulator (regtest, not a real node)/CN=localhost',
        '-addext',
        `subjectAltName=${['DNS:localhost', 'IP:127.0.0.1', ...extraDomains.map((name) => `DNS:${name}`)].join(',')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return {
      certPem: fs.readFileSync(certFile, 'utf8'),
      keyPem: fs.readFileSync(keyFile, 'utf8'),
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`lnd simulator: could not generate a TLS certificate with openssl: ${reason}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
