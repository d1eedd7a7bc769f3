import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './client-address';
import { cameOverTls } from './strict-transport';

const request = (
  headers: Record<string, string>,
  socket: { remoteAddress: string; encrypted?: boolean } = { remoteAddress: '127.0.0.1' },
) => ({ headers, socket }) as unknown as IncomingMessage;

describe('cameOverTls decides when HSTS is sent', () => {
  it.each([
    ['plain http, no proxy trusted', request({}), undefined, false],
    [
      'TLS on the socket itself',
      request({}, { remoteAddress: '127.0.0.1', encrypted: true }),
      undefined,
      true,
    ],
    [
      'X-Forwarded-Proto https, proxy not trusted',
      request({ 'x-forwarded-proto': 'https' }),
      undefined,
      false,
    ],
    [
      'X-Forwarded-Proto https from a trusted proxy',
      request({ 'x-forwarded-proto': 'https' }),
      '1',
      true,
    ],
    [
      'X-Forwarded-Proto http from a trusted proxy',
      request({ 'x-forwarded-proto': 'http' }),
      '1',
      false,
    ],
    ['the nearest proxy said http', request({ 'x-forwarded-proto': 'https, http' }), '1', false],
    ['trusted by address', request({ 'x-forwarded-proto': 'HTTPS' }), 'loopback', true],
    [
      'peer outside the trusted addresses',
      request({ 'x-forwarded-proto': 'https' }, { remoteAddress: '203.0.113.9' }),
      'loopback',
      false,
    ],
  ])('%s', (_label, req, trustProxy, expected) => {
    expect(cameOverTls(req, parseTrustProxy(trustProxy))).toBe(expected);
  });

  it('reads proto= of Forwarded when that is the trusted header', () => {
    const trust = parseTrustProxy('1', 'forwarded');
    expect(cameOverTls(request({ forwarded: 'for=203.0.113.9;proto=https' }), trust)).toBe(true);
    expect(cameOverTls(request({ forwarded: 'for=203.0.113.9;proto="http"' }), trust)).toBe(false);
    expect(cameOverTls(request({ 'x-forwarded-proto': 'https' }), trust)).toBe(false);
  });
});
