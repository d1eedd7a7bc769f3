import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/socket-events';

/** A socket.io client of the default namespace, typed with the protocol's event maps. */
export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens a socket to a Boltboard server. It reconnects by itself; the server greets every
 * (re)connection with `hello { seq }`, which the change subscription uses to catch up.
 */
export function openBoardSocket(baseUrl: string): BoardSocket {
  return io(baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 5_000,
  });
}
