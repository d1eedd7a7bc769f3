import type { Logger } from 'pino';
import type { Db } from '../db/pool';
import { orderRequestSchema, type OrderLimits } from '../protocol/orders';
import type { BoardSettings } from '../protocol/settings';
import type { Board } from './canvas/board';
import type { BoardPngCache } from './canvas/board-png-cache';
import type { Config } from './config';
import type { TrustProxy } from './http/client-address';
import type { ActivityLastDay } from './history/activity-last-day';
import type { PastBoards } from './history/board-at';
import type { ChangeLog } from './history/change-log';
import type { RecentChanges } from './history/recent-changes';
import type { SnapshotScheduler } from './history/snapshot-scheduler';
import type { LightningNode } from './lightning/lightning-node';
import type { NodeWatcher } from './lightning/node-watcher';
import type { Metrics } from './observability/metrics';
import type { OrderEvents } from './orders/order-events';
import type { SettlementQueue } from './orders/settlement-queue';
import type { RateLimiter } from './rate-limiter';

/** Everything the edges (HTTP routes, socket handlers) call inward to, built once at start. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  /** A small pool of its own for history reads, so readers never take settlement's connections. */
  readDb: Db;
  lightning: LightningNode;
  /** The node's network and readiness; `simulated` (regtest simulator) opens `/api/dev/pay`. */
  node: NodeWatcher;
  /** A regtest buyer's node (WALLET_LND_*) that `/api/dev/pay` pays through, when configured. */
  testWallet: LightningNode | undefined;
  changeLog: ChangeLog;
  recentChanges: RecentChanges;
  pngCache: BoardPngCache;
  /** Boards as they were after past seqs (history, reverts, diffs), with a small cache. */
  pastBoards: PastBoards;
  settlements: SettlementQueue;
  snapshots: SnapshotScheduler;
  orderEvents: OrderEvents;
  orderRateLimiter: RateLimiter;
  orderSchema: ReturnType<typeof orderRequestSchema>;
  metrics: Metrics;
  /** Paid paints of the last 24 hours, recounted at most once a minute. */
  activity: ActivityLastDay;
  /** The board in memory (the change log's), its size and seq. */
  board: Board;
  settings(): BoardSettings;
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
  databaseUrl: string;
  orderLimits: OrderLimits;
}
