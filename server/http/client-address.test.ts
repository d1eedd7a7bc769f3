import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  clientKey,
  limitKey,
  parseTrustProxy,
  peerIsTrustedProxy,
} from './client-address';

const request = (peer: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage;

describe('client address', () => {
  it.each([
    [
      'no trust: the peer, whatever it forwards',
      undefined,
      '127.0.0.1',
      { 'x-forwarded-for': '6.6.6.6' },
      '127.0.0.1',
    ],
    ['false', 'false', '127.0.0.1', { 'x-forwarded-for': '6.6.6.6' }, '127.0.0.1'],
    [
      'one hop: the address the proxy saw',
      '1',
      '127.0.0.1',
      { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' },
      '198.51.100.7',
    ],
    ['one hop without the header: the peer', '1', '127.0.0.1', {}, '127.0.0.1'],
    [
      'two hops',
      '2',
      '10.0.0.2',
      { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.1' },
      '198.51.100.7',
    ],
    [
      'a trusted address',
      '127.0.0.1',
      '127.0.0.1',
      { 'x-forwarded-for': '198.51.100.7' },
      '198.51.100.7',
    ],
    [
      'an untrusted peer is not believed',
      '10.0.0.0/8',
      '203.0.113.9',
      { 'x-forwarded-for': '198.51.100.7' },
      '203.0.113.9',
    ],
    [
      'trusted ranges are walked past',
      'loopback, 10.0.0.0/8',
      '127.0.0.1',
      { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.1.2.3' },
      '198.51.100.7',
    ],
    [
      'a mapped IPv4 peer',
      'loopback',
      '::ffff:127.0.0.1',
      { 'x-forwarded-for': '198.51.100.7' },
      '198.51.100.7',
    ],
    [
      'all proxies trusted: the farthest',
      'loopback',
      '127.0.0.1',
      { 'x-forwarded-for': '127.0.0.5' },
      '127.0.0.5',
    ],
  ])('%s', (_label, setting, peer, headers, expected) => {
    expect(clientAddress(request(peer, headers), parseTrustProxy(setting))).toBe(expected);
  });

  it('reads RFC 7239 Forwarded when told to, and then ignores X-Forwarded-For', () => {
    const trust = parseTrustProxy('1', 'forwarded');
    const req = request('127.0.0.1', {
      forwarded: 'for=6.6.6.6, for="[2001:db8::1]:4711";proto=https',
      'x-forwarded-for': '198.51.100.7',
    });
    expect(clientAddress(req, trust)).toBe('2001:db8::1');
  });

  it('keys IPv6 clients by their /64 and IPv4 by address', () => {
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(limitKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(limitKey('2001:db8:1:3::1')).not.toBe(limitKey('2001:db8:1:2::1'));
    expect(limitKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey(request('::ffff:198.51.100.7'))).toBe('198.51.100.7');
  });

  it('believes X-Forwarded-Proto only from a trusted peer', () => {
    expect(peerIsTrustedProxy(request('127.0.0.1'), parseTrustProxy('loopback'))).toBe(true);
    expect(peerIsTrustedProxy(request('203.0.113.9'), parseTrustProxy('loopback'))).toBe(false);
    expect(peerIsTrustedProxy(request('127.0.0.1'), parseTrustProxy(undefined))).toBe(false);
  });

  it.each(['nonsense', '10.0.0.0/33', '::1/129'])('refuses TRUST_PROXY=%s', (setting) => {
    expect(() => parseTrustProxy(setting)).toThrow(RangeError);
  });
});
