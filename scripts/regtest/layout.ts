import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The two LND nodes of the network: the app's node and a buyer's (or bot's) node. */
export type LndNodeName = 'shop' | 'wallet';

export interface LndNodeInfo {
  name: LndNodeName;
  /** LND's --lnddir. */
  dir: string;
  /** gRPC address as the app wants it, `localhost:PORT`. */
  grpcHost: string;
  rpcPort: number;
  p2pPort: number;
  pubkey: string;
  /** LND's TLS certificate (PEM). */
  cert: string;
  adminMacaroon: string;
  invoiceMacaroon: string;
}

export interface BtcdInfo {
  rpcPort: number;
  rpcUser: string;
  rpcPass: string;
  /** btcd's RPC TLS certificate, which LND is given to trust. */
  cert: string;
}

/** Everything a test or a person needs to reach the network; saved as `<dir>/network.json`. */
export interface RegtestNetworkInfo {
  dir: string;
  btcd: BtcdInfo;
  /** The wallet node's address that btcd mines to. */
  miningAddress: string;
  shop: LndNodeInfo & { invoicesOnlyMacaroon: string };
  wallet: LndNodeInfo;
  /** The channel wallet -> shop, `txid:index`. */
  channelPoint: string;
  channelCapacitySat: number;
  /** The variables `npm run regtest` exports (LND_*, WALLET_LND_*, SHOP_*_MACAROON). */
  env: Record<string, string>;
}

/** Where every file of a network lives, all under one folder the network owns. */
export function networkLayout(dir: string) {
  const root = path.resolve(dir);
  const btcdDir = path.join(root, 'btcd');
  return {
    root,
    networkFile: path.join(root, 'network.json'),
    lockFile: path.join(root, 'regtest.lock'),
    btcd: {
      dir: btcdDir,
      dataDir: path.join(btcdDir, 'data'),
      logDir: path.join(btcdDir, 'logs'),
      configFile: path.join(btcdDir, 'btcd.conf'),
      cert: path.join(btcdDir, 'rpc.cert'),
      key: path.join(btcdDir, 'rpc.key'),
      pidFile: path.join(btcdDir, 'btcd.pid'),
      outputFile: path.join(btcdDir, 'output.log'),
    },
    lnd: (name: LndNodeName) => lndLayout(path.join(root, name)),
  };
}

export function lndLayout(dir: string) {
  const macaroons = path.join(dir, 'data', 'chain', 'bitcoin', 'regtest');
  return {
    dir,
    cert: path.join(dir, 'tls.cert'),
    adminMacaroon: path.join(macaroons, 'admin.macaroon'),
    invoiceMacaroon: path.join(macaroons, 'invoice.macaroon'),
    invoicesOnlyMacaroon: path.join(dir, 'invoices-only.macaroon'),
    pidFile: path.join(dir, 'lnd.pid'),
    outputFile: path.join(dir, 'output.log'),
    logFile: path.join(dir, 'logs', 'bitcoin', 'regtest', 'lnd.log'),
  };
}

/** The saved network, or undefined when none was completely set up in `dir`. */
export async function readNetworkInfo(dir: string): Promise<RegtestNetworkInfo | undefined> {
  try {
    return JSON.parse(await readFile(networkLayout(dir).networkFile, 'utf8')) as RegtestNetworkInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Written last during set-up (atomically), so its presence means "the network is complete". */
export async function writeNetworkInfo(info: RegtestNetworkInfo): Promise<void> {
  const file = networkLayout(info.dir).networkFile;
  await writeFile(`${file}.tmp`, `${JSON.stringify(info, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
