import { existsSync, readFileSync } from 'node:fs';

/**
 * An LND credential (TLS certificate or macaroon) as ln-service takes it, base64, from any of
 * the forms people give: a file path is read (raw bytes, PEM or binary, read again on every
 * call so a certificate LND rotated on disk is picked up); hex is converted; anything else is
 * taken as base64 as given. Shared by the server (LND_*, WALLET_LND_*) and the bot client's
 * wallet (`--lnd-cert`, `--lnd-macaroon`). Node only: the page never imports it.
 */
export function readLndCredential(value: string): string {
  if (existsSync(value)) return readFileSync(value).toString('base64');
  return /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0
    ? Buffer.from(value, 'hex').toString('base64')
    : value;
}
