import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * Which proxies in front of Boltboard are believed about the client's address (TRUST_PROXY):
 * none (the default: forwarding headers are ignored), the nearest `hops` proxies, or any peer
 * whose address is in `addresses`. `header` names the one forwarding header that is read.
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number; header: ForwardingHeader }
  | { kind: 'addresses'; addresses: BlockList; list: string[]; header: ForwardingHeader };

export type ForwardingHeader = 'x-forwarded-for' | 'forwarded';

/** Named ranges, as Express's `trust proxy` knows them. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Parses TRUST_PROXY: `false`/empty (trust nothing), a hop count (`1` = one proxy in front),
 * or a comma-separated list of addresses, CIDR ranges and the names loopback, linklocal,
 * uniquelocal. Throws a RangeError naming the bad entry.
 */
export function parseTrustProxy(
  value: string | undefined,
  header: ForwardingHeader = 'x-forwarded-for',
): TrustProxy {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text), header };
  const addresses = new BlockList();
  const list = text.split(',').map((entry) => entry.trim());
  for (const entry of list) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) addRange(addresses, range);
  }
  return { kind: 'addresses', addresses, list, header };
}

function addRange(blocks: BlockList, range: string): void {
  const [address, prefixText] = range.split('/');
  const family = isIP(address);
  if (family === 0) throw new RangeError(`"${range}" is not an address or CIDR range`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return blocks.addAddress(address, type);
  const prefix = Number(prefixText);
  if (!/^\d+$/.test(prefixText) || prefix > (family === 4 ? 32 : 128))
    throw new RangeError(`"${range}" has a bad prefix length`);
  blocks.addSubnet(address, prefix, type);
}

/**
 * The client's address as believed under `trust`: the peer's own address, unless the peer is
 * a trusted proxy, then the nearest forwarded address not itself trusted. Works for HTTP
 * requests and socket.io handshakes (`socket.request`) alike.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy = { kind: 'none' }): string {
  const peer = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (trust.kind === 'none') return peer;
  // Nearest first: the peer, then the forwarded chain read from right to left.
  const chain = [peer, ...forwardedChain(req, trust.header).reverse()];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!isTrusted(trust, chain[hop], hop)) return chain[hop];
  }
  return chain[chain.length - 1];
}

/** The key per-client limits count under: the address, or its /64 network for IPv6. */
export function clientKey(req: IncomingMessage, trust: TrustProxy = { kind: 'none' }): string {
  return limitKey(clientAddress(req, trust));
}

/** An IPv6 address keyed by its /64 (one subscriber's usual allocation); IPv4 as it is. */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/**
 * Whether the peer itself is a trusted proxy (so its X-Forwarded-Proto may be believed).
 */
export function peerIsTrustedProxy(req: IncomingMessage, trust: TrustProxy): boolean {
  if (trust.kind === 'none') return false;
  return isTrusted(trust, plainAddress(req.socket.remoteAddress ?? ''), 0);
}

function isTrusted(trust: TrustProxy, address: string, hop: number): boolean {
  if (trust.kind === 'hops') return hop < trust.hops;
  if (trust.kind === 'addresses') {
    const family = isIP(address);
    return family !== 0 && trust.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
  return false;
}

function forwardedChain(req: IncomingMessage, header: ForwardingHeader): string[] {
  const raw = req.headers[header];
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  if (text.trim() === '') return [];
  const entries = text.split(',').map((entry) => entry.trim());
  const addresses = header === 'forwarded' ? entries.map(forwardedFor) : entries.map(stripPort);
  return addresses.map((address) => plainAddress(address));
}

/** `for=` of one RFC 7239 element: `for=192.0.2.1`, `for="[2001:db8::1]:443"`. */
function forwardedFor(element: string): string {
  for (const pair of element.split(';')) {
    const [name, ...rest] = pair.split('=');
    if (name.trim().toLowerCase() === 'for')
      return stripPort(rest.join('=').trim().replace(/"/g, ''));
  }
  return 'unknown';
}

function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  return v4WithPort ? v4WithPort[1] : address;
}

/** IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as dual-stack sockets report) as plain IPv4. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function expandIpv6(address: string): string[] | null {
  let text = address.split('%')[0].toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const parts = v4[1].split('.').map(Number);
    const high = ((parts[0] << 8) | parts[1]).toString(16);
    const low = ((parts[2] << 8) | parts[3]).toString(16);
    text = text.slice(0, -v4[1].length) + `${high}:${low}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  return groups.map((group) => group.padStart(4, '0'));
}
