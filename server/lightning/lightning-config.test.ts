import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lightningConfig, parseLndConnect, type LightningEnv } from './lightning-config';

describe('lightningConfig', () => {
  it.each<[string, LightningEnv, string]>([
    ['host without macaroon', { LND_GRPC_HOST: 'h:1' }, 'LND_MACAROON'],
    ['cert alone', { LND_CERT: 'c' }, 'LND_GRPC_HOST'],
    [
      'lndconnect plus host',
      { LND_CONNECT: 'lndconnect://h:1?macaroon=AQ', LND_GRPC_HOST: 'h:1' },
      'LND_CONNECT',
    ],
    ['lndconnect of another scheme', { LND_CONNECT: 'https://h:1?macaroon=AQ' }, 'LND_CONNECT'],
    ['lndconnect without macaroon', { LND_CONNECT: 'lndconnect://h:1?cert=AQ' }, 'LND_CONNECT'],
    [
      'unknown network',
      { LND_NETWORK: 'moon', LND_GRPC_HOST: 'h:1', LND_MACAROON: 'm' },
      'LND_NETWORK',
    ],
  ])('refuses %s, naming %s', (_name, env, variable) => {
    expect(() => lightningConfig(env)).toThrow(expect.objectContaining({ variable }));
  });

  it('takes no variable as the simulator', () => {
    expect(lightningConfig({})).toEqual({ kind: 'simulator' });
  });

  it('allows no LND_CERT for a node whose certificate the system roots trust', () => {
    expect(
      lightningConfig({
        LND_GRPC_HOST: 'node.example:443',
        LND_MACAROON: 'm',
        LND_NETWORK: 'mainnet',
      }),
    ).toEqual({
      kind: 'lnd',
      grpcHost: 'node.example:443',
      cert: undefined,
      macaroon: 'm',
      network: 'mainnet',
    });
  });
});

describe('parseLndConnect', () => {
  const pem = readFileSync(path.join(__dirname, 'testdata', 'tls.cert'), 'utf8');
  const der = new X509Certificate(pem).raw;
  const macaroon = Buffer.from([0x02, 0x01, 0x03, 0xfe, 0xff]);

  it('reads host, port, DER certificate (as PEM) and macaroon, base64url encoded', () => {
    const uri = `lndconnect://10.1.2.3:10019?cert=${der.toString('base64url')}&macaroon=${macaroon.toString('base64url')}`;
    const parsed = parseLndConnect(uri);
    expect(parsed.grpcHost).toBe('10.1.2.3:10019');
    expect(Buffer.from(parsed.macaroon, 'base64')).toEqual(macaroon);
    const cert = Buffer.from(parsed.cert!, 'base64').toString('utf8');
    expect(cert).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(new X509Certificate(cert).raw).toEqual(der);
  });

  it('defaults the port to 10009 and allows a missing cert (CA-signed node)', () => {
    const parsed = parseLndConnect(
      `lndconnect://node.example?macaroon=${macaroon.toString('base64url')}`,
    );
    expect(parsed).toEqual({
      grpcHost: 'node.example:10009',
      cert: undefined,
      macaroon: macaroon.toString('base64'),
    });
  });
});
