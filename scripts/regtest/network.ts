import { rm } from 'node:fs/promises';
import { locateBinaries } from './binaries';
import {
  blocksLostByBtcd,
  btcdAnswers,
  btcdCall,
  generateBlocks,
  startBtcd,
  stopBtcd,
  tipAgeSeconds,
} from './btcd';
import { createNetwork } from './create-network';
import type { LndNodeInfo, LndNodeName, RegtestNetworkInfo } from './layout';
import { networkLayout, readNetworkInfo } from './layout';
import { lncli, lndInfo, startLnd, stopLnd, waitForLnd } from './lnd';
import { withLock } from './lock';
import { runningPid, terminate } from './processes';
import { activeChannelWith, waitForActiveChannel, waitForChainSync } from './readiness';

export interface RegtestOptions {
  /** The network's own folder (network.json, btcd and both LND dirs). */
  dir: string;
  /** Progress lines (minutes-long steps say so); silent by default. */
  log?: (line: string) => void;
}

/** LND calls itself unsynced while the tip is older than 2 hours; mine before that. */
const STALE_TIP_SECONDS = 60 * 60;

/**
 * Makes sure the network in `options.dir` runs and its channel is active, and returns how to
 * reach it. First call: builds the binaries if needed and sets everything up (a few minutes).
 * Later calls: seconds if all answer; processes that died are restarted on the same data and
 * ports. Safe to call from several processes at once (a lock file serialises them).
 */
export async function ensureRegtestNetwork(options: RegtestOptions): Promise<RegtestNetworkInfo> {
  const log = options.log ?? (() => undefined);
  const binDir = await locateBinaries(log);
  return withLock(networkLayout(options.dir).lockFile, async () => {
    const saved = await readNetworkInfo(options.dir);
    if (!saved) return createNetwork(binDir, options.dir, log);
    await bringUp(binDir, saved, log);
    return saved;
  });
}

async function bringUp(binDir: string, info: RegtestNetworkInfo, log: (line: string) => void) {
  const layout = networkLayout(info.dir);
  if (!(await btcdAnswers(info.btcd))) {
    const stuck = await runningPid(layout.btcd.pidFile, 'btcd');
    if (stuck !== undefined) await terminate(stuck, layout.btcd.pidFile);
    log('regtest: starting btcd');
    await startBtcd(binDir, layout.btcd, info.btcd, info.miningAddress);
  }
  await Promise.all(
    [info.shop, info.wallet].map(async (node) => {
      if (await lndInfo(binDir, node)) return;
      // A node still starting gets a moment to answer before it is replaced.
      if ((await runningPid(layout.lnd(node.name).pidFile, 'lnd')) !== undefined) {
        if (await waitForLnd(binDir, node, 30_000)) return;
        await stopLnd(binDir, node);
      }
      log(`regtest: starting lnd ${node.name}`);
      await startLnd(binDir, node, info.btcd, info.btcd.cert);
    }),
  );
  const behind = await blocksLostByBtcd(info.btcd);
  if (behind > 0) {
    log(`regtest: btcd lost its last blocks (killed?); mining ${behind} to move past the nodes`);
    await generateBlocks(info.btcd, behind);
  } else if ((await tipAgeSeconds(info.btcd)) > STALE_TIP_SECONDS) {
    await generateBlocks(info.btcd, 1);
  }
  await waitForChainSync(binDir, info.btcd, [info.shop, info.wallet]);
  await reconnectPeers(binDir, info);
  await waitForActiveChannel(
    binDir,
    { node: info.wallet, pubkey: info.wallet.pubkey },
    { node: info.shop, pubkey: info.shop.pubkey },
  );
}

/** Stops both LNDs cleanly (lncli stop), then btcd. The data stays for the next start. */
export async function stopRegtestNetwork(options: RegtestOptions): Promise<void> {
  const info = await readNetworkInfo(options.dir);
  if (!info) return;
  const binDir = await locateBinaries(options.log ?? (() => undefined));
  await withLock(networkLayout(options.dir).lockFile, async () => {
    await Promise.all([stopLnd(binDir, info.shop), stopLnd(binDir, info.wallet)]);
    await stopBtcd(networkLayout(info.dir).btcd, info.btcd);
  });
}

/** Stops the network and deletes its folder: the next start sets up a new one. */
export async function resetRegtestNetwork(options: RegtestOptions): Promise<void> {
  await stopRegtestNetwork(options);
  await rm(networkLayout(options.dir).root, { recursive: true, force: true });
}

/**
 * Mines `count` blocks (to the wallet node) and waits until both LNDs have seen them.
 * Resolves with the new height.
 */
export async function mineRegtestBlocks(options: RegtestOptions, count: number): Promise<number> {
  const info = await requireNetwork(options.dir);
  const binDir = await locateBinaries(options.log ?? (() => undefined));
  await generateBlocks(info.btcd, count);
  return waitForChainSync(binDir, info.btcd, [info.shop, info.wallet]);
}

/**
 * Restarts one LND (a clean `lncli stop`, then start on the same data and ports) and waits
 * until it is synced and the channel is active again. For "the node restarts mid-burst" tests.
 */
export async function restartRegtestNode(
  options: RegtestOptions,
  name: LndNodeName,
): Promise<void> {
  const info = await requireNetwork(options.dir);
  const binDir = await locateBinaries(options.log ?? (() => undefined));
  await withLock(networkLayout(options.dir).lockFile, async () => {
    const node: LndNodeInfo = info[name];
    await stopLnd(binDir, node);
    await startLnd(binDir, node, info.btcd, info.btcd.cert);
    await waitForChainSync(binDir, info.btcd, [info.shop, info.wallet]);
    await reconnectPeers(binDir, info);
    await waitForActiveChannel(
      binDir,
      { node: info.wallet, pubkey: info.wallet.pubkey },
      { node: info.shop, pubkey: info.shop.pubkey },
    );
  });
}

export interface RegtestStatus {
  dir: string;
  setUp: boolean;
  btcd: { answers: boolean; height?: number };
  shop: { answers: boolean; syncedToChain?: boolean };
  wallet: { answers: boolean; syncedToChain?: boolean };
  channelActive: boolean;
}

/** What runs and answers right now (never starts anything). */
export async function regtestStatus(options: RegtestOptions): Promise<RegtestStatus> {
  const info = await readNetworkInfo(options.dir);
  const dir = networkLayout(options.dir).root;
  if (!info) {
    return {
      dir,
      setUp: false,
      btcd: { answers: false },
      shop: { answers: false },
      wallet: { answers: false },
      channelActive: false,
    };
  }
  const binDir = await locateBinaries(options.log ?? (() => undefined));
  const height = await btcdCall<number>(info.btcd, 'getblockcount').catch(() => undefined);
  const [shop, wallet] = await Promise.all([
    lndInfo(binDir, info.shop),
    lndInfo(binDir, info.wallet),
  ]);
  const channel = await activeChannelWith(binDir, info.wallet, info.shop.pubkey);
  return {
    dir,
    setUp: true,
    btcd: { answers: height !== undefined, height },
    shop: { answers: shop !== undefined, syncedToChain: shop?.synced_to_chain },
    wallet: { answers: wallet !== undefined, syncedToChain: wallet?.synced_to_chain },
    channelActive: channel !== undefined,
  };
}

/**
 * Connects the wallet to the shop at once. LND reconnects to channel peers by itself, but with
 * a backoff that grows with every restart: after a few, the channel stays inactive for minutes.
 */
async function reconnectPeers(binDir: string, info: RegtestNetworkInfo): Promise<void> {
  const peer = `${info.shop.pubkey}@127.0.0.1:${info.shop.p2pPort}`;
  await lncli(binDir, info.wallet, ['connect', peer]).catch(() => undefined); // "already connected" is fine
}

async function requireNetwork(dir: string): Promise<RegtestNetworkInfo> {
  const info = await readNetworkInfo(dir);
  if (!info) throw new Error(`regtest: no network in ${dir}; run \`npm run regtest\` first`);
  return info;
}
