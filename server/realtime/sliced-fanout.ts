import type { Namespace, Socket } from 'socket.io';

/**
 * Longest stretch of writing before the event loop gets a turn (settlement, new sockets). A
 * settle commit makes a database round trip per statement of its transaction, and each reply
 * that lands during a fan-out waits for the slice to end: short slices keep a paid pixel's
 * commit from growing with the viewers, for a turn of the loop (microseconds) every slice.
 */
export const FANOUT_SLICE_MS = 0.5;
/** A socket's write takes a few microseconds: the clock is read every few of them. */
const SOCKETS_BETWEEN_CLOCK_READS = 8;
/** socket.io-parser's EVENT packet type. */
const SOCKET_IO_EVENT = 2;
const WS_FIN_TEXT = 0x81;

/** What socket.io's own broadcast passes down to engine.io with a message encoded once. */
interface PreEncodedOptions {
  preEncoded: true;
  wsPreEncodedFrame: [Buffer];
}

/** The parts of an engine.io connection and its `ws` socket that the direct write reads. */
interface DirectWritable {
  readyState: string;
  writeBuffer: unknown[];
  transport: {
    name: string;
    writable: boolean;
    perMessageDeflate?: unknown;
    socket?: { bufferedAmount: number; _sender?: { sendFrame(list: Buffer[]): void } };
  };
}

/**
 * Sends one event to every socket of a namespace on this instance, like `namespace.local.emit`,
 * but cheaper per socket and without holding the event loop:
 * - the packet is encoded once, into one buffer holding the whole WebSocket frame, so each
 *   socket costs one plain `write` (socket.io's broadcast hands ws a header and a body, which
 *   cost a cork, a `writev` and their bookkeeping per socket), handed straight to the
 *   WebSocket when the connection has nothing pending; polling sockets and connections with
 *   something pending get the same packet through engine.io as usual;
 * - sockets are written in slices of FANOUT_SLICE_MS, so a payment notice or a database reply
 *   waits at most one slice, not a whole fan-out.
 * Messages go out in the order given; `emit` resolves once every socket was written to.
 */
export class SlicedFanout {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly namespace: Pick<Namespace, 'sockets' | 'name'>,
    private readonly encode: (packet: { type: number; data: unknown[]; nsp: string }) => unknown[],
    /** Sockets to leave out of a broadcast (for example, ones too slow to keep up). */
    private readonly skip: (socket: Socket) => boolean = () => false,
  ) {}

  emit(event: string, payload: unknown): Promise<void> {
    const encoded = this.encode({
      type: SOCKET_IO_EVENT,
      data: [event, payload],
      nsp: this.namespace.name,
    });
    const options = preEncodedOptions(encoded);
    // Whom to send to is decided now: a socket connecting later gets the board in its hello.
    const sockets = [...this.namespace.sockets.values()];
    const sent = this.tail.then(() => this.write(sockets, encoded, options));
    this.tail = sent;
    return sent;
  }

  private write(
    sockets: Socket[],
    encoded: unknown[],
    options: PreEncodedOptions | { preEncoded: true },
  ): Promise<void> {
    return new Promise((resolve) => {
      let next = 0;
      const slice = () => {
        const until = performance.now() + FANOUT_SLICE_MS;
        while (next < sockets.length) {
          const socket = sockets[next++];
          if (socket.connected && !this.skip(socket)) {
            const frame = 'wsPreEncodedFrame' in options ? options.wsPreEncodedFrame : undefined;
            // `_packet` is socket.io's own entry for pre-encoded packets (its adapter's path).
            if (!(frame && writeDirect(socket.conn as unknown as DirectWritable, frame)))
              socket.client._packet(encoded as never, options as never);
          }
          if (next % SOCKETS_BETWEEN_CLOCK_READS === 0 && performance.now() >= until) {
            setImmediate(slice);
            return;
          }
        }
        resolve();
      };
      slice();
    });
  }
}

/**
 * Hands the frame straight to the socket's WebSocket sender, as engine.io itself would, when
 * nothing is pending on the connection (engine.io's queue empty, nothing unsent in the
 * WebSocket): then order is kept and engine.io's per-packet bookkeeping can be skipped. A
 * connection with anything pending takes engine.io's path, where slow sockets are watched;
 * so does every connection of a `wsEngine` other than `ws` (no `_sender`), which engine.io
 * then serves through the engine's own `send`. Most of a fan-out's CPU is the kernel's
 * loopback `write` under this call, one per socket whatever the engine (README, Performance).
 */
function writeDirect(conn: DirectWritable, frame: [Buffer]): boolean {
  const { transport } = conn;
  const ws = transport.socket;
  if (
    transport.name !== 'websocket' ||
    conn.readyState !== 'open' ||
    !transport.writable ||
    transport.perMessageDeflate ||
    conn.writeBuffer.length > 0 ||
    !ws?._sender ||
    ws.bufferedAmount > 0
  )
    return false;
  ws._sender.sendFrame(frame);
  return true;
}

/**
 * The engine.io message as one ready WebSocket text frame, when the packet is one string.
 * Changes stay JSON text, not binary: socket.io sends a binary payload as a placeholder packet
 * plus an attachment frame (two frames a socket), and the browsers, the typed bot client and
 * every client built on protocol/changes.ts read `changes` as JSON pixel arrays, so a binary
 * `changes` would break them; what a message costs is the write per socket, not its bytes.
 */
function preEncodedOptions(encoded: unknown[]): PreEncodedOptions | { preEncoded: true } {
  if (encoded.length !== 1 || typeof encoded[0] !== 'string') return { preEncoded: true };
  return { preEncoded: true, wsPreEncodedFrame: [webSocketTextFrame(`4${encoded[0]}`)] };
}

/** An unmasked, final WebSocket text frame (RFC 6455 section 5.2), header and body in one buffer. */
export function webSocketTextFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = WS_FIN_TEXT;
  if (headerBytes === 2) frame[1] = length;
  else if (headerBytes === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, headerBytes, 'utf8');
  return frame;
}
