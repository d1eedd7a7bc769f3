// A TCP proxy on 127.0.0.1 for fault injection between the app and an LND node (the simulator or
// a real one): `pause` leaves every connection open but silent in both directions (a half-open
// link; bytes wait and flow again on `resume`, as TCP retransmission would deliver them after a
// healed partition, and a side closing meanwhile is not told to the other until then),
// `dropConnections` destroys the current connections (a reset link).
import net from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  host: string;
  port: number;
  /** Stops forwarding bytes in both directions without closing sockets; new connections wait too. */
  pause(): void;
  /** Forwards again, including the bytes held meanwhile. */
  resume(): void;
  /** Destroys every current connection (both sides); new connections are accepted as usual. */
  dropConnections(): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  /** One side closed while paused: hidden from the other side until `resume`, as on a dead link. */
  closedWhilePaused: boolean;
}

/** Starts a proxy listening on a free port of 127.0.0.1 and forwarding to `targetHost:targetPort`. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const links = new Set<Link>();
  let paused = false;

  const destroy = (link: Link): void => {
    links.delete(link);
    link.client.destroy();
    link.upstream.destroy();
  };
  const connect = (link: Link): void => {
    link.client.pipe(link.upstream);
    link.upstream.pipe(link.client);
    link.client.resume();
    link.upstream.resume();
  };
  const disconnect = (link: Link): void => {
    link.client.unpipe(link.upstream);
    link.upstream.unpipe(link.client);
    link.client.pause();
    link.upstream.pause();
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    const link: Link = { client, upstream, closedWhilePaused: false };
    links.add(link);
    const end = (): void => {
      if (paused) link.closedWhilePaused = true;
      else destroy(link);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    if (paused) disconnect(link);
    else connect(link);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;

  return {
    host: '127.0.0.1',
    port: address.port,
    pause() {
      if (paused) return;
      paused = true;
      links.forEach(disconnect);
    },
    resume() {
      if (!paused) return;
      paused = false;
      for (const link of [...links]) {
        connect(link);
        // Held bytes flow first; then the close that happened meanwhile reaches the other side.
        if (link.closedWhilePaused) setImmediate(() => destroy(link));
      }
    },
    dropConnections() {
      [...links].forEach(destroy);
    },
    close() {
      [...links].forEach(destroy);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
