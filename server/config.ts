import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_PALETTE } from '../protocol/settings';
import { parseTrustProxy, type ForwardingHeader, type TrustProxy } from './http/client-address';

import {
  lightningConfig,
  LightningConfigError,
  type LightningConfig,
} from './lightning/lightning-config';

export type { LightningConfig };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  lightning: LightningConfig;
  /** A regtest buyer's node the page's test wallet pays through (`npm run regtest` prints it). */
  testWallet: Extract<LightningConfig, { kind: 'lnd' }> | undefined;
  /** Every this often each pending order is checked with the node, whatever the stream says. */
  orderCheckEveryMs: number;
  adminToken: string | undefined;
  width: number;
  height: number;
  palette: string[];
  pricePerPixelSat: number;
  /** A rate to show prices in a currency beside sats; set by the operator, never fetched. */
  fiat: { currency: string; satsPerUnit: number } | undefined;
  maxPixelsPerOrder: number;
  invoiceExpirySeconds: number;
  /** Largest HTTP/socket message accepted, in bytes; sized for the largest order. */
  maxBodyBytes: number;
  snapshotEveryChanges: number;
  snapshotEveryMinutes: number;
  orderRateLimitPerMinute: number;
  maxOpenOrdersPerClient: number;
  /** How instances share broadcasts: `none` (one instance), socket.io's `postgres` or `redis` adapter. */
  clusterAdapter: 'none' | 'postgres' | 'redis';
  redisUrl: string | undefined;
  logLevel: string;
  /** Client identity behind proxies, limits before work, retention, metrics access. */
  edge: EdgeConfig;
}

/** The settings that keep the public edge standing under abuse (README: "Behind a reverse proxy"). */
export interface EdgeConfig {
  trustProxy: TrustProxy;
  /** Orders a minute from all clients together (checked before a body is read). */
  orderRateLimitGlobalPerMinute: number;
  /** Open socket.io connections per client (address, or /64 for IPv6). */
  maxConnectionsPerClient: number;
  /** Events one socket may send a minute (bursts of a fifth of that). */
  socketEventsPerMinute: number;
  /** Unpaid orders expired longer than this lose their packed pixels. */
  orderPayloadRetentionHours: number;
  /** When set, `/api/metrics` needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const envSchema = z.object({
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  LND_CONNECT: optionalText,
  LND_GRPC_HOST: optionalText,
  LND_CERT: optionalText,
  LND_MACAROON: optionalText,
  LND_NETWORK: optionalText,
  WALLET_LND_GRPC_HOST: optionalText,
  WALLET_LND_CERT: optionalText,
  WALLET_LND_MACAROON: optionalText,
  ORDER_CHECK_EVERY_SECONDS: integer(1, 3600).default(30),
  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  CANVAS_WIDTH: integer(1, 4096).default(1000),
  CANVAS_HEIGHT: integer(1, 4096).default(1000),
  PRICE_PER_PIXEL_SAT: integer(1, 1_000_000).default(1),
  FIAT_CURRENCY: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as EUR')
      .transform((code) => code.toUpperCase())
      .optional(),
  ),
  FIAT_SATS_PER_UNIT: optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .positive('must be a positive number')
      .max(1e12)
      .optional(),
  ),
  MAX_PIXELS_PER_ORDER: integer(1, 250_000).default(250_000),
  INVOICE_EXPIRY_SECONDS: integer(10, 31_536_000).default(600),
  PALETTE: optionalText.transform((value, ctx) => {
    if (value === undefined) return [...DEFAULT_PALETTE];
    const colors = value.split(',').map((color) => color.trim().toLowerCase());
    const bad = colors.find((color) => !/^#[0-9a-f]{6}$/.test(color));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is not #rrggbb` });
    else if (colors.length < 2 || colors.length > 256)
      ctx.addIssue({ code: 'custom', message: 'needs 2 to 256 colours' });
    else if (new Set(colors).size !== colors.length)
      ctx.addIssue({ code: 'custom', message: 'lists a colour twice' });
    return colors;
  }),
  SNAPSHOT_EVERY_CHANGES: integer(1, 10_000_000).default(1000),
  SNAPSHOT_EVERY_MINUTES: integer(1, 10_080).default(10),
  ORDER_RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000).default(60),
  MAX_OPEN_ORDERS_PER_CLIENT: integer(1, 1_000_000).default(20),
  CLUSTER_ADAPTER: z.enum(['none', 'postgres', 'redis']).optional(),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The edge under abuse (EdgeConfig).
  TRUST_PROXY: optionalText,
  TRUST_PROXY_HEADER: z.enum(['x-forwarded-for', 'forwarded']).default('x-forwarded-for'),
  ORDER_RATE_LIMIT_GLOBAL_PER_MINUTE: integer(1, 100_000_000).optional(),
  MAX_CONNECTIONS_PER_CLIENT: integer(1, 1_000_000).default(50),
  SOCKET_EVENTS_PER_MINUTE: integer(1, 1_000_000_000).default(300),
  ORDER_PAYLOAD_RETENTION_HOURS: integer(1, 87_600).default(24),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});

/** Bytes per pixel of a verbose order body (`{ "x": 999, "y": 999, "color": "#rrggbb" },` with room for whitespace); about 16 MB at the 250,000-pixel limit. */
const MAX_JSON_BYTES_PER_PIXEL = 64;
const BODY_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads and validates the configuration once, at start.
 * Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    lightning: lightning(e),
    testWallet: testWallet(e),
    orderCheckEveryMs: e.ORDER_CHECK_EVERY_SECONDS * 1000,
    adminToken: e.ADMIN_TOKEN,
    width: e.CANVAS_WIDTH,
    height: e.CANVAS_HEIGHT,
    palette: e.PALETTE,
    pricePerPixelSat: e.PRICE_PER_PIXEL_SAT,
    fiat: fiat(e.FIAT_CURRENCY, e.FIAT_SATS_PER_UNIT),
    maxPixelsPerOrder: e.MAX_PIXELS_PER_ORDER,
    invoiceExpirySeconds: e.INVOICE_EXPIRY_SECONDS,
    maxBodyBytes: e.MAX_PIXELS_PER_ORDER * MAX_JSON_BYTES_PER_PIXEL + BODY_OVERHEAD_BYTES,
    snapshotEveryChanges: e.SNAPSHOT_EVERY_CHANGES,
    snapshotEveryMinutes: e.SNAPSHOT_EVERY_MINUTES,
    orderRateLimitPerMinute: e.ORDER_RATE_LIMIT_PER_MINUTE,
    maxOpenOrdersPerClient: e.MAX_OPEN_ORDERS_PER_CLIENT,
    clusterAdapter: clusterAdapter(e.CLUSTER_ADAPTER, e.REDIS_URL),
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    edge: {
      trustProxy: trustProxy(e.TRUST_PROXY, e.TRUST_PROXY_HEADER),
      // By default the whole internet may order twenty times as fast as one client.
      orderRateLimitGlobalPerMinute:
        e.ORDER_RATE_LIMIT_GLOBAL_PER_MINUTE ?? e.ORDER_RATE_LIMIT_PER_MINUTE * 20,
      maxConnectionsPerClient: e.MAX_CONNECTIONS_PER_CLIENT,
      socketEventsPerMinute: e.SOCKET_EVENTS_PER_MINUTE,
      orderPayloadRetentionHours: e.ORDER_PAYLOAD_RETENTION_HOURS,
      metricsToken: e.METRICS_TOKEN,
    },
  };
}

function trustProxy(value: string | undefined, header: ForwardingHeader): TrustProxy {
  try {
    return parseTrustProxy(value, header);
  } catch (error) {
    throw new ConfigError('TRUST_PROXY', (error as Error).message);
  }
}

/** REDIS_URL alone picks the redis adapter; asking for it without REDIS_URL is an error. */
function clusterAdapter(
  chosen: 'none' | 'postgres' | 'redis' | undefined,
  redisUrl: string | undefined,
): Config['clusterAdapter'] {
  if (chosen === 'redis' && redisUrl === undefined) {
    throw new ConfigError('REDIS_URL', 'is required with CLUSTER_ADAPTER=redis');
  }
  return chosen ?? (redisUrl ? 'redis' : 'none');
}

/** FIAT_CURRENCY and FIAT_SATS_PER_UNIT come together or not at all. */
function fiat(currency: string | undefined, satsPerUnit: number | undefined): Config['fiat'] {
  if (currency === undefined && satsPerUnit === undefined) return undefined;
  if (currency === undefined || satsPerUnit === undefined) {
    throw new ConfigError(
      currency === undefined ? 'FIAT_CURRENCY' : 'FIAT_SATS_PER_UNIT',
      `is required with ${currency === undefined ? 'FIAT_SATS_PER_UNIT' : 'FIAT_CURRENCY'}`,
    );
  }
  return { currency, satsPerUnit };
}

function lightning(env: Parameters<typeof lightningConfig>[0]): LightningConfig {
  try {
    return lightningConfig(env);
  } catch (error) {
    if (error instanceof LightningConfigError) throw new ConfigError(error.variable, error.message);
    throw error;
  }
}

function testWallet(e: {
  WALLET_LND_GRPC_HOST?: string;
  WALLET_LND_CERT?: string;
  WALLET_LND_MACAROON?: string;
}): Config['testWallet'] {
  const {
    WALLET_LND_GRPC_HOST: grpcHost,
    WALLET_LND_CERT: cert,
    WALLET_LND_MACAROON: macaroon,
  } = e;
  if (grpcHost === undefined && cert === undefined && macaroon === undefined) return undefined;
  if (grpcHost === undefined || macaroon === undefined) {
    throw new ConfigError(
      grpcHost === undefined ? 'WALLET_LND_GRPC_HOST' : 'WALLET_LND_MACAROON',
      'is required with the other WALLET_LND_* variables',
    );
  }
  return { kind: 'lnd', grpcHost, cert, macaroon, network: 'regtest' };
}
