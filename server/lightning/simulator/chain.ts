// The static regtest chain and channel view the simulator reports (there is no real chain).
import { createHash } from 'node:crypto';

/** Block height the simulated node reports as synced to. */
export const BLOCK_HEIGHT = 500;

/** Deterministic fake block hash of BLOCK_HEIGHT (hex). */
export const BLOCK_HASH = createHash('sha256')
  .update(`boltboard-lnd-simulator-block-${BLOCK_HEIGHT}`)
  .digest('hex');

/** Timestamp (unix seconds) of the simulated best header: fixed when the module loads. */
export const BEST_HEADER_TIMESTAMP = Math.floor(Date.now() / 1000);

/** Numeric (uint64 decimal) id of the simulated channel payments arrive through: 101x1x0. */
export const CHANNEL_ID = ((101n << 40n) | (1n << 16n) | 0n).toString();

/** Capacity in satoshis of the simulated channel. */
export const CHANNEL_CAPACITY_SAT = '16777215';

/** LND's default min_final_cltv_expiry for invoices when none is requested. */
export const DEFAULT_CLTV_EXPIRY = 80;

/** LND's default invoice expiry in seconds (24 h) when the request has expiry 0. */
export const DEFAULT_INVOICE_EXPIRY = 86_400;
