import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Namespace, type Socket } from 'socket.io';
import { WebSocketServer, type WebSocket } from 'ws';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { FANOUT_SLICE_MS, SlicedFanout, webSocketTextFrame } from './sliced-fanout';

describe('SlicedFanout', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('delivers each message, in order, to websocket and polling clients alike', async () => {
    const httpServer = createServer();
    const io = new Server(httpServer, { serveClient: false });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const clients: ClientSocket[] = [];
    cleanups.push(() => {
      for (const client of clients) client.close();
      void io.close();
    });
    const received: unknown[][] = [];
    for (const transports of [['websocket'], ['polling'], ['websocket']] as const) {
      const client = connect(url, { transports: [...transports], forceNew: true });
      const messages: unknown[] = [];
      received.push(messages);
      client.on('changes', (payload: unknown) => messages.push(payload));
      await new Promise<void>((resolve) => client.once('connect', () => resolve()));
      clients.push(client);
    }
    const fanout = new SlicedFanout(io.sockets, (packet) => io.encoder.encode(packet as never));
    // Sizes around the frame header's length forms: 7 bits, 16 bits, 64 bits.
    const payloads = [70_000, 1, 200, 300_000, 5].map((size, i) => ({ i, text: 'x'.repeat(size) }));
    await Promise.all(payloads.map((payload) => fanout.emit('changes', payload)));
    const deadline = Date.now() + 5_000;
    while (received.some((messages) => messages.length < payloads.length)) {
      if (Date.now() > deadline) throw new Error(`received ${received.map((m) => m.length)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const messages of received) expect(messages).toEqual(payloads);
  });

  it('falls back to engine.io on a WebSocket engine without ws internals (eiows, say)', async () => {
    // Another `wsEngine` hands engine.io sockets with `send` but no `_sender`: the direct frame
    // write must not be attempted, and every message must still arrive whole and in order.
    class OpaqueEngine extends WebSocketServer {
      override handleUpgrade(...args: Parameters<WebSocketServer['handleUpgrade']>) {
        const [req, socket, head, done] = args;
        super.handleUpgrade(req, socket, head, (ws, request) => done(hideSender(ws), request));
      }
    }
    const httpServer = createServer();
    const io = new Server(httpServer, { serveClient: false, wsEngine: OpaqueEngine });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const client = connect(url, { transports: ['websocket'], forceNew: true });
    cleanups.push(() => {
      client.close();
      void io.close();
    });
    const messages: unknown[] = [];
    client.on('changes', (payload: unknown) => messages.push(payload));
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    const fanout = new SlicedFanout(io.sockets, (packet) => io.encoder.encode(packet as never));
    const payloads = [1, 300, 70_000].map((size, i) => ({ i, text: 'x'.repeat(size) }));
    await Promise.all(payloads.map((payload) => fanout.emit('changes', payload)));
    const deadline = Date.now() + 5_000;
    while (messages.length < payloads.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(messages).toEqual(payloads);
  });

  it('gives the event loop a turn between slices of a long fan-out', async () => {
    const written: number[] = [];
    let turns = 0;
    const busySocket = (id: number) =>
      ({
        connected: true,
        conn: { transport: { name: 'polling' } },
        client: {
          _packet: () => {
            const until = performance.now() + 0.1;
            while (performance.now() < until); // a slow write
            written.push(id);
          },
        },
      }) as unknown as Socket;
    const sockets = new Map(Array.from({ length: 512 }, (_, i) => [String(i), busySocket(i)]));
    const namespace = { name: '/', sockets } as unknown as Namespace;
    const fanout = new SlicedFanout(namespace, () => ['2["changes",{}]']);
    const ticker = setInterval(() => turns++, 0);
    await fanout.emit('changes', {});
    clearInterval(ticker);
    expect(written).toEqual([...sockets.keys()].map(Number));
    // 512 writes of 0.1 ms are many slices: timers ran in between, not only after.
    expect(turns).toBeGreaterThanOrEqual(Math.floor((512 * 0.1) / (FANOUT_SLICE_MS * 4)));
  });

  it('builds WebSocket frame headers for every length form', () => {
    expect([...webSocketTextFrame('hi')]).toEqual([0x81, 2, 0x68, 0x69]);
    const medium = webSocketTextFrame('a'.repeat(300));
    expect([...medium.subarray(0, 4)]).toEqual([0x81, 126, 0x01, 0x2c]);
    const long = webSocketTextFrame('a'.repeat(70_000));
    expect(long[1]).toBe(127);
    expect(long.readBigUInt64BE(2)).toBe(70_000n);
    expect(long.length).toBe(10 + 70_000);
  });
});

/** The socket as an engine other than `ws` would show it: the same API, no `_sender`. */
function hideSender(ws: WebSocket): WebSocket {
  return new Proxy(ws, {
    get(target, key) {
      if (key === '_sender') return undefined;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
