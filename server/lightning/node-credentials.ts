import { existsSync, readFileSync } from 'node:fs';
import type { LightningConfig } from './lightning-config';

/** What ln-service needs to reach a node: cert (PEM base64; undefined: system roots) and macaroon (base64). */
export interface NodeCredentials {
  grpcHost: string;
  cert: string | undefined;
  macaroon: string;
}

/**
 * Reads the configured credentials now: file paths are read (so a certificate LND rotated on
 * disk is picked up by reading again), other values are taken as base64 or hex.
 */
export function readNodeCredentials(
  config: Extract<LightningConfig, { kind: 'lnd' }>,
): NodeCredentials {
  return {
    grpcHost: config.grpcHost,
    cert: config.cert === undefined ? undefined : readCredential(config.cert),
    macaroon: readCredential(config.macaroon),
  };
}

/** A file path is read (raw bytes, PEM or binary); anything else is taken as base64 or hex as given. */
export function readCredential(value: string): string {
  if (!existsSync(value))
    return /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0
      ? Buffer.from(value, 'hex').toString('base64')
      : value;
  return readFileSync(value).toString('base64');
}
