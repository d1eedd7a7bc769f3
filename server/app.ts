import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';
import { createPool } from '../db/pool';
import { orderRequestSchema } from '../protocol/orders';
import type { AppContext } from './app-context';
import { BoardPngCache } from './canvas/board-png-cache';
import type { Config } from './config';
import { ActivityLastDay } from './history/activity-last-day';
import { boardSettings } from './board-settings';
import { PastBoards } from './history/board-at';
import { ChangeLog } from './history/change-log';
import { loadBoard } from './history/load-board';
import { RecentChanges } from './history/recent-changes';
import { SnapshotScheduler } from './history/snapshot-scheduler';
import { createApiHandler } from './http/api-handler';
import { setStrictTransportSecurity } from './http/strict-transport';
import { sendJson } from './http/respond';
import { startLightning } from './lightning/start-lightning';
import { createLogger } from './logger';
import { OrderEvents } from './orders/order-events';
import { settleOrders } from './orders/settle-orders';
import { SettlementQueue } from './orders/settlement-queue';
import { recordUnpaintedOrder } from '../db/queries/unpainted-orders';
import { RateLimiter } from './rate-limiter';
import { broadcastChanges } from './realtime/broadcast-changes';
import { runAfterCommit } from './after-commit';
import { joinCluster } from './realtime/cluster';
import { attachSocketApi, type BoardServer } from './realtime/socket-api';
import { attachSatoshisPlaceApi } from './realtime/satoshis-place';
import { SOCKET_MESSAGE_MAX_BYTES } from './realtime/socket-guard';
import { Metrics } from './observability/metrics';
import { followPayments } from './orders/payment-follower';
import { broadcastViewerCount } from './realtime/viewer-count';
import { startOrderPayloadPruning } from './retention/order-payload-pruner';

export interface StartOptions {
  /** Serve the Next.js pages too (`dev` for hot reload); off in API-only tests. */
  next?: { dev: boolean } | false;
  log?: Logger;
}

export interface RunningBoltboard {
  url: string;
  port: number;
  context: AppContext;
  io: BoardServer;
  close(): Promise<void>;
}

const RECENT_CHANGES_MAX_PIXELS = 1_000_000;
/** Connections for history reads (past boards, catch-up beyond memory), apart from settlement's. */
const HISTORY_READ_CONNECTIONS = 3;

/** Starts one Boltboard instance: database, Lightning, board, HTTP + socket.io on one port. */
export async function startBoltboard(
  config: Config,
  options: StartOptions = {},
): Promise<RunningBoltboard> {
  const log = options.log ?? createLogger(config.logLevel);
  const cleanups: Array<() => Promise<void> | void> = [];
  let closing: Promise<void> | undefined;
  // Undo the start in reverse: stop accepting first, close the database last. Runs once.
  const closeAll = () =>
    (closing ??= (async () => {
      for (const cleanup of [...cleanups].reverse()) await cleanup();
    })());
  try {
    let embedded: EmbeddedDatabase | undefined;
    if (!config.databaseUrl) {
      embedded = await startEmbeddedPostgres(config.dataDir, (message) => log.info(message));
      cleanups.push(() => embedded?.stop());
      log.info('embedded PostgreSQL started');
    }
    const databaseUrl = config.databaseUrl ?? embedded!.url;
    const db = createPool(databaseUrl, (error) =>
      log.warn({ err: error }, 'idle database connection failed'),
    );
    cleanups.push(() => db.end());
    const readDb = createPool(
      databaseUrl,
      (error) => log.warn({ err: error }, 'idle history-read connection failed'),
      HISTORY_READ_CONNECTIONS,
    );
    cleanups.push(() => readDb.end());
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');

    const {
      lightning,
      node,
      testWallet,
      nodeKey,
      stop: stopLightning,
    } = await startLightning(config, log);
    cleanups.push(stopLightning);

    const board = await loadBoard(db, config.width, config.height);
    log.info({ seq: board.seq }, 'board loaded');
    const changeLog = new ChangeLog(db, board, (error) =>
      log.error({ err: error }, 'change listener failed'),
    );
    const metrics = new Metrics();
    const settlements = new SettlementQueue({
      settleBatch: (hashes) =>
        settleOrders({ changeLog, paletteSize: config.palette.length }, hashes),
      setAside: async (hash, error) => {
        metrics.settlementsSetAside.inc();
        await recordUnpaintedOrder(
          db,
          hash,
          error instanceof Error ? error.message : String(error),
        );
      },
      log,
      onSettled: (seconds) => metrics.settleSeconds.observe(seconds),
    });
    cleanups.push(() => settlements.stop());
    const snapshots = new SnapshotScheduler(
      db,
      board,
      config.snapshotEveryChanges,
      config.snapshotEveryMinutes,
      log,
    );
    await snapshots.start();
    cleanups.push(() => snapshots.stop());

    const activity = new ActivityLastDay(
      readDb,
      () => changeLog.board.seq,
      (error) => log.warn({ err: error }, 'counting the last day of paints failed'),
    );
    const context: AppContext = {
      config,
      log,
      db,
      readDb,
      databaseUrl,
      board,
      settings: () => boardSettings({ ...config, board, node, testWallet, activity }),
      palette: config.palette,
      maxPixelsPerOrder: config.maxPixelsPerOrder,
      maxBodyBytes: config.maxBodyBytes,
      adminToken: config.adminToken,
      trustProxy: config.edge.trustProxy,
      metricsToken: config.edge.metricsToken,
      maxConnectionsPerClient: config.edge.maxConnectionsPerClient,
      socketEventsPerMinute: config.edge.socketEventsPerMinute,
      orderPayloadRetentionHours: config.edge.orderPayloadRetentionHours,
      clusterAdapter: config.clusterAdapter,
      redisUrl: config.redisUrl,
      orderLimits: config,
      lightning,
      node,
      testWallet,
      changeLog,
      recentChanges: new RecentChanges(RECENT_CHANGES_MAX_PIXELS),
      pngCache: new BoardPngCache(board, config.palette),
      pastBoards: new PastBoards(readDb, board, config.palette),
      settlements,
      snapshots,
      orderEvents: new OrderEvents(),
      orderRateLimiter: RateLimiter.perClientAndGlobal(
        config.orderRateLimitPerMinute,
        config.edge.orderRateLimitGlobalPerMinute,
      ),
      orderSchema: orderRequestSchema(config),
      metrics,
      activity,
    };
    await context.activity.count();

    const pages = options.next ? await prepareNext(options.next.dev) : null;
    const api = createApiHandler(context);
    const httpServer = createServer((req, res) => {
      setStrictTransportSecurity(req, res, config.edge.trustProxy);
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
    const cluster = await joinCluster(io, context);
    cleanups.push(cluster.stop);
    if (pages) {
      httpServer.on('upgrade', (req, socket, head) => {
        if (!req.url?.startsWith('/socket.io/')) pages.upgrade(req, socket, head);
      });
    }
    cleanups.push(attachSocketApi(io, context));
    const legacyBots = attachSatoshisPlaceApi(io, context);
    cleanups.push(legacyBots.stop);
    const viewers = broadcastChanges(context, io);
    cleanups.push(viewers.stop);
    cleanups.push(
      runAfterCommit(changeLog, {
        snapshots,
        activity: context.activity,
        viewers: viewers.onApplied,
        orderEvents: context.orderEvents,
        otherInstances: cluster.onApplied,
        legacyBots: legacyBots.onApplied,
        log,
      }),
    );
    context.metrics.countViewers = () => io.engine.clientsCount;
    cleanups.push(broadcastViewerCount(io, config.clusterAdapter !== 'none'));
    cleanups.push(startOrderPayloadPruning(context));

    cleanups.push(
      await followPayments({
        db,
        lightning,
        settlements,
        orderEvents: context.orderEvents,
        metrics,
        log,
        nodeKey,
        checkEveryMs: config.orderCheckEveryMs,
      }),
    );

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    cleanups.push(() => closeHttp(httpServer, io));
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info(
      { port, simulated: node.simulated, network: node.network },
      `Boltboard listening on http://localhost:${port}`,
    );
    return { url: `http://localhost:${port}`, port, context, io, close: closeAll };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
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
