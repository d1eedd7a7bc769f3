import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import type { ErrorCode } from '../../protocol/errors';
import { clientKey, type TrustProxy } from '../http/client-address';
import { RateLimiter } from '../rate-limiter';

/**
 * The largest socket.io message accepted at all (engine.io's `maxHttpBufferSize`): room for an
 * order of some twenty thousand pixels. Bigger orders go over `POST /api/orders`.
 */
export const SOCKET_MESSAGE_MAX_BYTES = 1024 * 1024;
/** Every other event is small: ids, seqs, settings requests. */
const SMALL_EVENT_MAX_BYTES = 4 * 1024;

/** Events that carry an order, in either namespace; they alone may be large. */
const ORDER_EVENTS = new Set(['order:create', 'NEW_ORDER']);

/**
 * Gates every event of one socket before its handler runs: past the socket's rate, or larger
 * than its cap, an event is dropped, answering `rate_limited` or `body_too_large` through its
 * acknowledgement when it has one. (engine.io has already refused any message over
 * SOCKET_MESSAGE_MAX_BYTES by closing the connection.)
 */
export function guardSocketEvents(socket: Socket, limiter: RateLimiter): void {
  let bytesSinceEvent = 0;
  const countBytes = (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message') return;
    const { data } = packet;
    bytesSinceEvent +=
      typeof data === 'string' ? data.length : data instanceof Buffer ? data.length : 0;
  };
  socket.conn.on('packet', countBytes);
  socket.once('disconnect', () => socket.conn.off('packet', countBytes));

  socket.use((args, next) => {
    const bytes = bytesSinceEvent;
    bytesSinceEvent = 0;
    const event = String(args[0]);
    const ack = args[args.length - 1];
    const refuse = (code: ErrorCode, message: string) => {
      if (typeof ack === 'function') ack({ ok: false, error: { code, message } });
    };
    if (limiter.take(socket.id) > 0) return refuse('rate_limited', 'Too many events; slow down.');
    const cap = ORDER_EVENTS.has(event) ? SOCKET_MESSAGE_MAX_BYTES : SMALL_EVENT_MAX_BYTES;
    if (bytes > cap) return refuse('body_too_large', `${event} is limited to ${cap} bytes.`);
    next();
  });
}

/**
 * The per-socket event limiter, one per namespace: SOCKET_EVENTS_PER_MINUTE (a steady few a
 * second by default) with bursts of a fifth of that, room for a reconnection's catch-up.
 */
export function socketEventLimiter(perMinute: number): RateLimiter {
  return new RateLimiter(perMinute, Math.max(1, Math.ceil(perMinute / 5)));
}

interface EngineLike {
  opts: {
    allowRequest?: (
      req: IncomingMessage,
      fn: (err: string | null | undefined, ok: boolean) => void,
    ) => void;
  };
  on(event: 'connection', listener: (conn: EngineConnection) => void): void;
}
interface EngineConnection {
  request: IncomingMessage;
  once(event: 'close', listener: () => void): void;
  close(): void;
}

export interface ConnectionCapDeps {
  maxConnectionsPerClient: number;
  trustProxy: TrustProxy;
}

/**
 * Caps open socket.io connections per client (MAX_CONNECTIONS_PER_CLIENT, by the same client
 * key as every other limit): a handshake over the cap is refused (403) before a session is
 * made, and a connection that slipped past in a race is closed at once.
 */
export function capConnectionsPerClient(engine: EngineLike, deps: ConnectionCapDeps): void {
  const { maxConnectionsPerClient, trustProxy } = deps;
  const open = new Map<string, number>();
  const previous = engine.opts.allowRequest;
  engine.opts.allowRequest = (req, fn) => {
    if ((open.get(clientKey(req, trustProxy)) ?? 0) >= maxConnectionsPerClient) {
      fn('Too many connections from this client.', false);
      return;
    }
    if (previous) previous(req, fn);
    else fn(null, true);
  };
  engine.on('connection', (conn) => {
    const key = clientKey(conn.request, trustProxy);
    const count = (open.get(key) ?? 0) + 1;
    open.set(key, count);
    conn.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left === 0) open.delete(key);
      else open.set(key, left);
    });
    if (count > maxConnectionsPerClient) conn.close();
  });
}
