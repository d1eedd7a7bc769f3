// A real local Lightning network (btcd + LND "shop" + LND "wallet", channel wallet -> shop) for
// tests, shared with `npm run regtest`: the same folder, the same idempotent start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { authenticatedLndGrpc, type AuthenticatedLnd } from 'ln-service';
import type { LndNodeInfo } from '../../scripts/regtest/layout';
import {
  ensureRegtestNetwork as ensureNetwork,
  mineRegtestBlocks,
  restartRegtestNode,
} from '../../scripts/regtest/network';

/** One LND node: where it listens and its files (all paths absolute). */
export interface RegtestLndNode {
  /** `localhost:PORT`, as LND_GRPC_HOST wants it. */
  grpcHost: string;
  pubkey: string;
  /** TLS certificate file (PEM). */
  cert: string;
  /** admin.macaroon file. */
  adminMacaroon: string;
  /** invoice.macaroon file (LND's own: invoices plus address and onchain reads, no info:read). */
  invoiceMacaroon: string;
}

export interface RegtestNetwork {
  /** The app's node. */
  shop: RegtestLndNode & {
    /** A macaroon baked with exactly invoices:read and invoices:write. */
    invoicesOnlyMacaroon: string;
  };
  /** A buyer's node, with all the channel's funds on its side. */
  wallet: RegtestLndNode;
  channelCapacitySat: number;
  /** LND_GRPC_HOST/LND_CERT/LND_MACAROON (shop), WALLET_LND_*, SHOP_INVOICE(S_ONLY)_MACAROON. */
  env: Record<string, string>;
  /** The network's folder (network.json, node dirs and logs). */
  dir: string;
  /** Restarts the shop's LND (clean stop, start) and resolves once its channel is active again. */
  restartShop(): Promise<void>;
  /** Mines `blocks` blocks and resolves with the new height once both nodes have seen it. */
  mine(blocks: number): Promise<number>;
}

/** A first start may build LND (10-20 min) and set up the chain (minutes): use in beforeAll. */
export const REGTEST_START_TIMEOUT_MS = 30 * 60_000;

/**
 * Starts the network if it is not running (or just checks it, in seconds), then returns how
 * to reach it. REGTEST_DIR picks the folder (default ./data/regtest, as `npm run regtest`).
 * Throws, never skips, when the Go toolchain needed to build LND is missing.
 */
export async function ensureRegtestNetwork(): Promise<RegtestNetwork> {
  const options = {
    dir: path.resolve(
      process.env.REGTEST_DIR ?? path.join(__dirname, '..', '..', 'data', 'regtest'),
    ),
    log: (line: string) => process.stderr.write(`${line}\n`),
  };
  const info = await ensureNetwork(options);
  const node = (n: LndNodeInfo): RegtestLndNode => ({
    grpcHost: n.grpcHost,
    pubkey: n.pubkey,
    cert: n.cert,
    adminMacaroon: n.adminMacaroon,
    invoiceMacaroon: n.invoiceMacaroon,
  });
  return {
    shop: { ...node(info.shop), invoicesOnlyMacaroon: info.shop.invoicesOnlyMacaroon },
    wallet: node(info.wallet),
    channelCapacitySat: info.channelCapacitySat,
    env: info.env,
    dir: info.dir,
    restartShop: () => restartRegtestNode(options, 'shop'),
    mine: (blocks) => mineRegtestBlocks(options, blocks),
  };
}

/** An ln-service client for `node`, with its admin macaroon unless another file is given. */
export function regtestLnd(
  node: RegtestLndNode,
  macaroonFile = node.adminMacaroon,
): AuthenticatedLnd {
  return authenticatedLndGrpc({
    cert: readFileSync(node.cert).toString('base64'),
    macaroon: readFileSync(macaroonFile).toString('base64'),
    socket: node.grpcHost,
  }).lnd;
}
