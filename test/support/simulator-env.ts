import type { LndSimulator } from '../../server/lightning/simulator';

/** The LND_* variables that point the app at `simulator` as its configured node. */
export function lndEnv(simulator: LndSimulator): Record<string, string> {
  return {
    LND_GRPC_HOST: simulator.host,
    LND_CERT: simulator.certBase64,
    LND_MACAROON: simulator.macaroonBase64,
  };
}

/**
 * Server environment for a process of the app that uses `simulator` as its (configured) node,
 * on `databaseUrl`, with the abuse limits lifted for load tests.
 */
export function simulatorNodeEnv(
  simulator: LndSimulator,
  databaseUrl: string,
  dataDir: string,
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ...lndEnv(simulator),
    ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
    MAX_OPEN_ORDERS_PER_CLIENT: '1000000',
  };
}
