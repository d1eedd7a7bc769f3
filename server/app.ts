import type { Logger } from 'pino';
import type { Db } from '../db/pool';
import { orderRequestSchema, type OrderLimits } from '../protocol/orders';
import type { BoardSettings } from '../protocol/settings';
import { runAfterCommit } from './after-commit';
import { boardSettings } from './board-settings';
import type { Config } from './config';
import { startBoard, type BoardHistory } from './history/start-board';
import type { TrustProxy } from './http/client-address';
import type { LightningNode } from './lightning/lightning-node';
import type { NodeWatcher } from './lightning/node-watcher';
import { startLightning } from './lightning/start-lightning';
import { createLogger } from './logger';
import { Metrics } from './observability/metrics';
import { OrderEvents } from './orders/order-events';
import { followPayments } from './orders/payment-follower';
import type { SettlementQueue } from './orders/settlement-queue';
import { startSettlements } from './orders/start-settlements';
import { RateLimiter } from './rate-limiter';
import type { BoardServer } from './realtime/socket-api';
import { startRealtime } from './realtime/start-realtime';
import { startOrderPayloadPruning } from './retention/order-payload-pruner';
import { startDatabase } from './start-database';
import { startWebServer } from './web-server';

export interface StartOptions {
  /** Serve the Next.js pages too (`dev` for hot reload); off in API-only tests. */
  next?: { dev: boolean } | false;
  log?: Logger;
}

/**
 * What the start wires together, built once: the board and its history (BoardHistory, from
 * server/history/start-board.ts) and the members below. Only this file knows it whole: each
 * part is handed it and takes the members its own `...Deps` names.
 */
export interface AppContext extends BoardHistory {
  config: Config;
  log: Logger;
  // The database (server/start-database.ts).
  db: Db;
  /** A small pool of its own for history reads, so readers never take settlement's connections. */
  readDb: Db;
  databaseUrl: string;
  // The node (server/lightning/start-lightning.ts).
  lightning: LightningNode;
  /** The node's network and readiness; `simulated` (regtest simulator) opens `/api/dev/pay`. */
  node: NodeWatcher;
  /** A regtest buyer's node (WALLET_LND_*) that `/api/dev/pay` pays through, when configured. */
  testWallet: LightningNode | undefined;
  // Orders.
  settlements: SettlementQueue;
  orderEvents: OrderEvents;
  orderRateLimiter: RateLimiter;
  orderSchema: ReturnType<typeof orderRequestSchema>;
  metrics: Metrics;
  /** The board's public settings now. */
  settings(): BoardSettings;
  // Settings the edges read, from the config.
  orderLimits: OrderLimits;
  palette: string[];
  maxPixelsPerOrder: number;
  maxBodyBytes: number;
  adminToken: string | undefined;
  trustProxy: TrustProxy;
  metricsToken: string | undefined;
  maxConnectionsPerClient: number;
  socketEventsPerMinute: number;
  orderPayloadRetentionHours: number;
  clusterAdapter: Config['clusterAdapter'];
  redisUrl: string | undefined;
}

export interface RunningBoltboard {
  url: string;
  port: number;
  context: AppContext;
  io: BoardServer;
  close(): Promise<void>;
}

/**
 * Starts one Boltboard instance: database, Lightning, board, HTTP + socket.io on one port.
 * Each part starts in turn and hands back its stop; `close()` (or a failed start) runs them in
 * reverse, once: stop accepting first, close the database last.
 */
export async function startBoltboard(
  config: Config,
  options: StartOptions = {},
): Promise<RunningBoltboard> {
  const log = options.log ?? createLogger(config.logLevel);
  const stops: Array<() => Promise<void> | void> = [];
  let closing: Promise<void> | undefined;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const stop of [...stops].reverse()) await stop();
    })());
  try {
    const database = await startDatabase(config, log);
    stops.push(database.stop);
    const { db, readDb } = database;
    const started = await startLightning(config, log);
    stops.push(started.stop);
    const { lightning, node, testWallet } = started;
    const { stop: stopBoard, ...history } = await startBoard({ config, db, readDb, log });
    stops.push(stopBoard);
    const { board, changeLog, activity } = history;
    const metrics = new Metrics();
    const settlements = startSettlements({
      db,
      changeLog,
      paletteSize: config.palette.length,
      metrics,
      log,
    });
    stops.push(() => settlements.stop());

    const context: AppContext = {
      config,
      log,
      db,
      readDb,
      databaseUrl: database.url,
      lightning,
      node,
      testWallet,
      ...history,
      settlements,
      orderEvents: new OrderEvents(),
      orderRateLimiter: RateLimiter.perClientAndGlobal(
        config.orderRateLimitPerMinute,
        config.edge.orderRateLimitGlobalPerMinute,
      ),
      orderSchema: orderRequestSchema(config),
      metrics,
      settings: () =>
        boardSettings({
          board,
          palette: config.palette,
          pricePerPixelSat: config.pricePerPixelSat,
          maxPixelsPerOrder: config.maxPixelsPerOrder,
          invoiceExpirySeconds: config.invoiceExpirySeconds,
          fiat: config.fiat,
          node,
          testWallet,
          activity,
        }),
      orderLimits: config,
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
    };

    const web = await startWebServer(context, options.next ?? false);
    const realtime = await startRealtime(web.io, context);
    stops.push(realtime.stop);
    stops.push(
      runAfterCommit(changeLog, {
        snapshots: history.snapshots,
        activity,
        viewers: realtime.viewers,
        orderEvents: context.orderEvents,
        otherInstances: realtime.otherInstances,
        legacyBots: realtime.legacyBots,
        log,
      }),
    );
    stops.push(startOrderPayloadPruning(context));
    stops.push(
      await followPayments({
        db,
        lightning,
        settlements,
        orderEvents: context.orderEvents,
        metrics,
        log,
        nodeKey: started.nodeKey,
        checkEveryMs: config.orderCheckEveryMs,
      }),
    );

    const port = await web.listen(config.port, config.host);
    stops.push(web.stop);
    log.info(
      { port, simulated: node.simulated, network: node.network },
      `Boltboard listening on http://localhost:${port}`,
    );
    return { url: `http://localhost:${port}`, port, context, io: web.io, close: closeAll };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}
