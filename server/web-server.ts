import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { Server } from 'socket.io';
import { createApiHandler, type ApiDeps } from './http/api-handler';
import type { TrustProxy } from './http/client-address';
import { sendJson } from './http/respond';
import { setStrictTransportSecurity } from './http/strict-transport';
import type { BoardServer } from './realtime/socket-api';
import { SOCKET_MESSAGE_MAX_BYTES } from './realtime/socket-guard';

export interface WebServerDeps extends ApiDeps {
  trustProxy: TrustProxy;
}

export interface StartedWebServer {
  /** socket.io on the same port; its namespaces are attached by server/realtime/. */
  io: BoardServer;
  /** Starts accepting connections; resolves with the port listened on. */
  listen(port: number, host: string): Promise<number>;
  /** Closes every socket and connection, then the server. */
  stop(): Promise<void>;
}

/**
 * One HTTP server for everything: `/api/*` (server/http/), socket.io, and the Next.js pages
 * when `next` is given (`dev` for hot reload; off in API-only tests and instances).
 */
export async function startWebServer(
  deps: WebServerDeps,
  next: { dev: boolean } | false,
): Promise<StartedWebServer> {
  const pages = next ? await prepareNext(next.dev) : null;
  const api = createApiHandler(deps);
  const httpServer = createServer((req, res) => {
    setStrictTransportSecurity(req, res, deps.trustProxy);
    if (req.url?.startsWith('/api/')) void api(req, res);
    else if (pages) void pages.handle(req, res);
    else
      sendJson(res, 404, {
        error: { code: 'not_found', message: 'Pages are not served by this instance.' },
      });
  });
  const io: BoardServer = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_MESSAGE_MAX_BYTES, // bigger orders go over HTTP
    serveClient: false,
    destroyUpgrade: false,
    allowEIO3: true, // satoshis.place bots of 2018 connect with socket.io-client 2.x
  });
  if (pages) {
    httpServer.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io/')) pages.upgrade(req, socket, head);
    });
  }
  return {
    io,
    listen: async (port, host) => {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, resolve);
      });
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    stop: () => closeHttp(httpServer, io),
  };
}

async function prepareNext(dev: boolean) {
  const { default: next } = await import('next');
  const app = next({ dev, dir: path.resolve(__dirname, '..') });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  return {
    handle: (req: IncomingMessage, res: ServerResponse) => handle(req, res),
    upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      void upgrade(req, socket, head),
  };
}

function closeHttp(httpServer: HttpServer, io: BoardServer): Promise<void> {
  return new Promise((resolve) => {
    io.close(() => resolve()); // closes the sockets and the HTTP server
    httpServer.closeAllConnections();
  });
}
