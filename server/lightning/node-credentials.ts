import { readLndCredential } from '../../protocol/lnd-credential';
import type { LightningConfig } from './lightning-config';

/** What ln-service needs to reach a node: cert (PEM base64; undefined: system roots) and macaroon (base64). */
export interface NodeCredentials {
  grpcHost: string;
  cert: string | undefined;
  macaroon: string;
}

/**
 * Reads the configured credentials now: file paths are read (so a certificate LND rotated on
 * disk is picked up by reading again), other values are taken as base64 or hex
 * (protocol/lnd-credential.ts).
 */
export function readNodeCredentials(
  config: Extract<LightningConfig, { kind: 'lnd' }>,
): NodeCredentials {
  return {
    grpcHost: config.grpcHost,
    cert: config.cert === undefined ? undefined : readLndCredential(config.cert),
    macaroon: readLndCredential(config.macaroon),
  };
}
