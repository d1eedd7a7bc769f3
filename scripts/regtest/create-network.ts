import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { findFreePort } from '../../db/free-port';
import { generateBlocks, startBtcd, stopBtcd } from './btcd';
import { networkEnvironment } from './exports';
import type { BtcdInfo, LndNodeName, RegtestNetworkInfo } from './layout';
import { lndLayout, networkLayout, writeNetworkInfo } from './layout';
import { lncli, startLnd, type LndNodeConfig } from './lnd';
import { runningPid, terminate } from './processes';
import { waitFor, waitForActiveChannel, waitForChainSync } from './readiness';

/** Segwit activates by BIP9 on regtest: started at 144, locked in at 288, active at 432. */
const SETUP_BLOCKS = 500;
export const CHANNEL_CAPACITY_SAT = 10_000_000;

/**
 * Sets up a new network in `dir` from nothing: btcd, the shop and wallet LNDs, coins for the
 * wallet, a channel wallet -> shop (all funds on the wallet's side), and an invoices-only
 * macaroon on the shop. Leftovers of an interrupted set-up are cleared first. network.json is
 * written last.
 */
export async function createNetwork(
  binDir: string,
  dir: string,
  log: (line: string) => void,
): Promise<RegtestNetworkInfo> {
  const layout = networkLayout(dir);
  await clearLeftovers(layout);

  const ports = await distinctFreePorts(5);
  const btcd: BtcdInfo = {
    rpcPort: ports[0],
    rpcUser: 'boltboard',
    rpcPass: randomBytes(12).toString('hex'),
    cert: layout.btcd.cert,
  };
  const node = (name: LndNodeName, rpcPort: number, p2pPort: number): LndNodeConfig => ({
    name,
    dir: layout.lnd(name).dir,
    rpcPort,
    p2pPort,
  });
  const shop = node('shop', ports[1], ports[2]);
  const wallet = node('wallet', ports[3], ports[4]);

  log('regtest: starting btcd and the two LND nodes (shop, wallet)');
  await startBtcd(binDir, layout.btcd, btcd, undefined);
  const [shopInfo, walletInfo] = await Promise.all([
    startLnd(binDir, shop, btcd, btcd.cert),
    startLnd(binDir, wallet, btcd, btcd.cert),
  ]);

  // btcd mines only to a --miningaddr given at start: restart it with the wallet's address.
  const { address: miningAddress } = await lncli<{ address: string }>(binDir, wallet, [
    'newaddress',
    'p2wkh',
  ]);
  await stopBtcd(layout.btcd, btcd);
  await startBtcd(binDir, layout.btcd, btcd, miningAddress);

  log(`regtest: mining ${SETUP_BLOCKS} blocks to the wallet node (segwit, mature coins)`);
  await generateBlocks(btcd, SETUP_BLOCKS);
  await waitForChainSync(binDir, btcd, [shop, wallet]);
  await waitFor('the wallet node has confirmed coins', async () => {
    const balance = await lncli<{ confirmed_balance: string }>(binDir, wallet, ['walletbalance']);
    return Number(balance.confirmed_balance) > 2 * CHANNEL_CAPACITY_SAT ? true : undefined;
  });

  log(`regtest: opening a ${CHANNEL_CAPACITY_SAT} sat channel wallet -> shop`);
  await lncli(binDir, wallet, ['connect', `${shopInfo.identity_pubkey}@127.0.0.1:${shop.p2pPort}`]);
  await lncli(binDir, wallet, [
    'openchannel',
    `--node_key=${shopInfo.identity_pubkey}`,
    `--local_amt=${CHANNEL_CAPACITY_SAT}`,
  ]);
  await generateBlocks(btcd, 6);
  await waitForChainSync(binDir, btcd, [shop, wallet]);
  const channelPoint = await waitForActiveChannel(
    binDir,
    { node: wallet, pubkey: walletInfo.identity_pubkey },
    { node: shop, pubkey: shopInfo.identity_pubkey },
  );

  const shopFiles = lndLayout(shop.dir);
  await lncli(binDir, shop, [
    'bakemacaroon',
    `--save_to=${shopFiles.invoicesOnlyMacaroon}`,
    'invoices:read',
    'invoices:write',
  ]);

  const network: Omit<RegtestNetworkInfo, 'env'> = {
    dir: layout.root,
    btcd,
    miningAddress,
    shop: {
      ...nodeInfo(shop, shopInfo.identity_pubkey),
      invoicesOnlyMacaroon: shopFiles.invoicesOnlyMacaroon,
    },
    wallet: nodeInfo(wallet, walletInfo.identity_pubkey),
    channelPoint,
    channelCapacitySat: CHANNEL_CAPACITY_SAT,
  };
  const info: RegtestNetworkInfo = { ...network, env: networkEnvironment(network) };
  await writeNetworkInfo(info);
  return info;
}

function nodeInfo(node: LndNodeConfig, pubkey: string) {
  const files = lndLayout(node.dir);
  return {
    ...node,
    grpcHost: `localhost:${node.rpcPort}`,
    pubkey,
    cert: files.cert,
    adminMacaroon: files.adminMacaroon,
    invoiceMacaroon: files.invoiceMacaroon,
  };
}

/** Stops processes of an earlier, unfinished set-up and empties the folder (but the lock). */
async function clearLeftovers(layout: ReturnType<typeof networkLayout>): Promise<void> {
  const pidFiles: Array<[string, string]> = [
    [layout.lnd('shop').pidFile, 'lnd'],
    [layout.lnd('wallet').pidFile, 'lnd'],
    [layout.btcd.pidFile, 'btcd'],
  ];
  for (const [pidFile, binary] of pidFiles) {
    const pid = await runningPid(pidFile, binary);
    if (pid !== undefined) await terminate(pid, pidFile);
  }
  const entries = await readdir(layout.root).catch(() => []);
  for (const entry of entries) {
    const file = path.join(layout.root, entry);
    if (file !== layout.lockFile) await rm(file, { recursive: true, force: true });
  }
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}
