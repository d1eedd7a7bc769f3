import type { IncomingMessage } from 'node:http';

/** The client's address, the key for per-client limits. */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
