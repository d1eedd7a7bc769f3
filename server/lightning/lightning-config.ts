/** Where the Lightning node is: a configured LND, or the built-in simulator. */
export type LightningConfig =
  | {
      kind: 'lnd';
      /** `host:port` of LND's gRPC interface. */
      grpcHost: string;
      /**
       * The node's TLS certificate: a file path, base64 (PEM or DER) or hex; undefined for a
       * node behind a certificate the system's roots trust (hosted nodes).
       */
      cert: string | undefined;
      /** The macaroon: a file path, base64 or hex. */
      macaroon: string;
      /** The network, when the macaroon cannot read it from the node (no `info:read`). */
      network: string | undefined;
    }
  | { kind: 'simulator' };

export const NETWORKS = ['mainnet', 'testnet', 'testnet4', 'signet', 'regtest', 'simnet'] as const;

/** A problem with one variable: the config module turns it into its ConfigError. */
export class LightningConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(problem);
  }
}

export interface LightningEnv {
  LND_CONNECT?: string;
  LND_GRPC_HOST?: string;
  LND_CERT?: string;
  LND_MACAROON?: string;
  LND_NETWORK?: string;
}

/**
 * The node from LND_CONNECT (an lndconnect URI, as Zeus, RTL and ThunderHub export) or from
 * LND_GRPC_HOST + LND_MACAROON (+ LND_CERT unless the system roots trust the node); none of
 * them means the simulator. A partly configured node is an error, never a silent simulator.
 */
export function lightningConfig(env: LightningEnv): LightningConfig {
  const network = env.LND_NETWORK;
  if (network !== undefined && !(NETWORKS as readonly string[]).includes(network)) {
    throw new LightningConfigError('LND_NETWORK', `must be one of ${NETWORKS.join(', ')}`);
  }
  if (env.LND_CONNECT !== undefined) {
    if (env.LND_GRPC_HOST ?? env.LND_CERT ?? env.LND_MACAROON) {
      throw new LightningConfigError(
        'LND_CONNECT',
        'excludes LND_GRPC_HOST/LND_CERT/LND_MACAROON: give one or the other',
      );
    }
    return { kind: 'lnd', ...parseLndConnect(env.LND_CONNECT), network };
  }
  const { LND_GRPC_HOST: grpcHost, LND_CERT: cert, LND_MACAROON: macaroon } = env;
  if (grpcHost === undefined && cert === undefined && macaroon === undefined) {
    return { kind: 'simulator' };
  }
  if (grpcHost === undefined) {
    throw new LightningConfigError('LND_GRPC_HOST', 'is required with LND_CERT/LND_MACAROON');
  }
  if (macaroon === undefined) {
    throw new LightningConfigError('LND_MACAROON', 'is required with LND_GRPC_HOST');
  }
  return { kind: 'lnd', grpcHost, cert, macaroon, network };
}

/**
 * Reads `lndconnect://host:port?cert=<base64url DER>&macaroon=<base64url>`; `cert` may be
 * absent (a CA-signed node). The certificate is turned into PEM, which gRPC needs.
 */
export function parseLndConnect(uri: string): {
  grpcHost: string;
  cert: string | undefined;
  macaroon: string;
} {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new LightningConfigError('LND_CONNECT', 'is not an lndconnect:// URI');
  }
  if (url.protocol !== 'lndconnect:') {
    throw new LightningConfigError('LND_CONNECT', 'must start with lndconnect://');
  }
  if (!url.hostname) throw new LightningConfigError('LND_CONNECT', 'names no host');
  const macaroon = url.searchParams.get('macaroon');
  if (!macaroon) throw new LightningConfigError('LND_CONNECT', 'has no macaroon parameter');
  const certDer = url.searchParams.get('cert');
  return {
    grpcHost: `${url.hostname}:${url.port || '10009'}`,
    cert: certDer
      ? Buffer.from(pemOf(Buffer.from(certDer, 'base64url'))).toString('base64')
      : undefined,
    macaroon: Buffer.from(macaroon, 'base64url').toString('base64'),
  };
}

function pemOf(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
