/**
 * A socket that stops reading keeps every message sent to it in this process. This module
 * bounds that, for every namespace at once (it watches engine.io connections, which carry all
 * of a client's namespaces):
 *
 * - a connection holding more than SOCKET_UNSENT_MAX_BYTES unsent is dropped before anything
 *   more is queued for it. Broadcasts are encoded once and shared, and every socket of a
 *   namespace is sent the same sequence, so what all stuck sockets hold together is about one
 *   cap's worth of messages, not one per socket;
 * - a connection that has had bytes waiting for SOCKET_STALL_MAX_MS without ever catching up is
 *   dropped too, however little it holds: what it holds can then be no older than that.
 *
 * Dropping closes the TCP connection at once (no closing handshake that would keep its buffers
 * alive); a viewer reconnects and catches up by seq.
 */

export const SOCKET_UNSENT_MAX_BYTES = 4 * 1024 * 1024;
export const SOCKET_STALL_MAX_MS = 15_000;
const SWEEP_EVERY_MS = 1_000;

interface EnginePacket {
  data?: unknown;
}
/** The parts of an engine.io connection (`socket.conn`) this module reads. */
export interface EngineConnection {
  readonly readyState: string;
  transport: { name: string; socket?: unknown };
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): unknown;
  on(event: 'flush', listener: (packets: EnginePacket[]) => void): unknown;
  once(event: 'close', listener: () => void): unknown;
  close(discard?: boolean): unknown;
}
interface EngineServer {
  on(event: 'connection', listener: (conn: EngineConnection) => void): unknown;
}

interface Watched {
  /** Bytes of packets queued by engine.io and not yet handed to the transport. */
  queuedBytes: number;
  stalledSince: number | undefined;
  dropped: boolean;
}
const watched = new WeakMap<EngineConnection, Watched>();

/**
 * Bytes given to a connection and not yet handed to the kernel: engine.io's queue plus what the
 * WebSocket still buffers.
 */
export function unsentBytes(conn: EngineConnection): number {
  const queued = watched.get(conn)?.queuedBytes ?? 0;
  const ws = conn.transport.socket as { bufferedAmount?: unknown } | undefined;
  const buffered = typeof ws?.bufferedAmount === 'number' ? ws.bufferedAmount : 0;
  return queued + buffered;
}

/** Whether a connection has taken everything sent to it, so a new message leaves at once. */
export function isDrained(conn: EngineConnection): boolean {
  return conn.readyState === 'open' && unsentBytes(conn) === 0;
}

/**
 * Watches every connection of `engine` and drops the slow ones (see above). Returns a function
 * that stops the sweep.
 */
export function dropSlowSockets(
  engine: EngineServer,
  limits = { maxUnsentBytes: SOCKET_UNSENT_MAX_BYTES, maxStallMs: SOCKET_STALL_MAX_MS },
  now: () => number = Date.now,
): () => void {
  const open = new Set<EngineConnection>();
  engine.on('connection', (conn) => {
    const state: Watched = { queuedBytes: 0, stalledSince: undefined, dropped: false };
    watched.set(conn, state);
    open.add(conn);
    conn.once('close', () => open.delete(conn));
    conn.on('packetCreate', (packet) => {
      // Checked before this packet counts: one large message to a socket that keeps up is fine.
      if (unsentBytes(conn) > limits.maxUnsentBytes) drop(conn, state);
      state.queuedBytes += sizeOf(packet);
    });
    conn.on('flush', (packets) => {
      for (const packet of packets) state.queuedBytes -= sizeOf(packet);
    });
  });
  const timer = setInterval(() => {
    const at = now();
    for (const conn of open) {
      const state = watched.get(conn)!;
      if (unsentBytes(conn) === 0) state.stalledSince = undefined;
      else if (state.stalledSince === undefined) state.stalledSince = at;
      else if (at - state.stalledSince > limits.maxStallMs) drop(conn, state);
    }
  }, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function sizeOf(packet: EnginePacket): number {
  const { data } = packet;
  if (typeof data === 'string') return data.length;
  if (data instanceof Buffer || data instanceof ArrayBuffer) return data.byteLength;
  return 0;
}

function drop(conn: EngineConnection, state: Watched): void {
  if (state.dropped) return;
  state.dropped = true;
  const ws = conn.transport.socket as { terminate?: unknown } | undefined;
  if (conn.transport.name === 'websocket' && typeof ws?.terminate === 'function') {
    (ws.terminate as () => void).call(ws);
  } else {
    conn.close(true);
  }
}
