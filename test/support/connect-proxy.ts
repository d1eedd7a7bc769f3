// An HTTP CONNECT proxy on 127.0.0.1, as Tor's HTTPTunnelPort is: it alone knows where the
// names in `routes` are (as only Tor can reach an onion address), and it records each CONNECT.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT`, for grpc_proxy. */
  url: string;
  /** Every CONNECT target asked for (`host:port`), routed or not, in order. */
  connects: string[];
  close(): Promise<void>;
}

/** `routes` maps a `host:port` asked for to the `host:port` the proxy really connects to. */
export async function startConnectProxy(routes: Record<string, string>): Promise<ConnectProxy> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const route = routes[target];
    if (!route) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); // Tor answers an unknown onion likewise
      return;
    }
    const [host, port] = [route.slice(0, route.lastIndexOf(':')), route.split(':').pop()];
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
