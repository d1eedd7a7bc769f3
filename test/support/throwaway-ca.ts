// A certificate authority made for one test (as a hosted node's provider has, but trusted by
// nobody until a test says so), and node certificates it signs. Made with `openssl`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TlsPair } from '../../server/lightning/simulator';

export interface ThrowawayCa {
  /** The CA's certificate (PEM), e.g. for NODE_EXTRA_CA_CERTS. */
  certPem: string;
  /** A P-256 certificate for localhost, 127.0.0.1 and `names`, signed by this CA, with its key. */
  issue(names?: readonly string[]): TlsPair;
  /** Removes the CA's files. */
  remove(): void;
}

export function createThrowawayCa(): ThrowawayCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'boltboard-test-ca-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/O=boltboard test CA (throwaway)/CN=boltboard test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  let issued = 0;
  return {
    certPem: readFileSync(file('ca.pem'), 'utf8'),
    issue(names = []) {
      issued += 1;
      const [key, csr, cert, ext] = ['key', 'csr', 'pem', 'ext'].map((kind) =>
        file(`node-${issued}.${kind}`),
      );
      const altNames = ['DNS:localhost', 'IP:127.0.0.1', ...names.map((name) => `DNS:${name}`)];
      writeFileSync(
        ext,
        `subjectAltName=${altNames.join(',')}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
      );
      openssl(
        'req',
        '-new',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        csr,
        '-subj',
        '/O=boltboard test node/CN=localhost',
      );
      openssl(
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        file('ca.pem'),
        '-CAkey',
        file('ca.key'),
        '-CAcreateserial',
        '-days',
        '2',
        '-extfile',
        ext,
        '-out',
        cert,
      );
      return { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
