import { readFile, mkdir, writeFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import type { BtcdInfo } from './layout';
import { networkLayout } from './layout';
import { runningPid, sleep, spawnDetached, terminate, waitForExit } from './processes';

type BtcdFiles = ReturnType<typeof networkLayout>['btcd'];

/**
 * Calls btcd's JSON-RPC over TLS (trusting btcd's own rpc.cert). Throws btcd's error message,
 * or the connection error while btcd is not up.
 */
export async function btcdCall<T>(
  btcd: BtcdInfo,
  method: string,
  params: unknown[] = [],
): Promise<T> {
  const ca = await readFile(btcd.cert);
  const body = JSON.stringify({ jsonrpc: '1.0', id: 1, method, params });
  const text = await new Promise<string>((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port: btcd.rpcPort,
        method: 'POST',
        ca,
        auth: `${btcd.rpcUser}:${btcd.rpcPass}`,
        headers: { 'content-type': 'application/json' },
        timeout: 120_000,
      },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (data += chunk));
        response.on('end', () => resolve(data));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`btcd ${method} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
  const reply = JSON.parse(text) as { result: T; error: { message: string } | null };
  if (reply.error) throw new Error(`btcd ${method}: ${reply.error.message}`);
  return reply.result;
}

/**
 * Starts btcd on regtest, RPC on 127.0.0.1 only, no P2P listener (LND talks RPC), with a
 * transaction index. Without `miningAddress` btcd cannot mine (`generate` needs --miningaddr).
 */
export async function startBtcd(
  binDir: string,
  files: BtcdFiles,
  btcd: BtcdInfo,
  miningAddress: string | undefined,
): Promise<void> {
  await mkdir(files.dataDir, { recursive: true });
  // An empty config file of our own, so btcd never reads or creates ~/.btcd/btcd.conf.
  await writeFile(files.configFile, '');
  const args = [
    '--regtest',
    `--configfile=${files.configFile}`,
    `--datadir=${files.dataDir}`,
    `--logdir=${files.logDir}`,
    `--rpcuser=${btcd.rpcUser}`,
    `--rpcpass=${btcd.rpcPass}`,
    `--rpclisten=127.0.0.1:${btcd.rpcPort}`,
    `--rpccert=${files.cert}`,
    `--rpckey=${files.key}`,
    '--nolisten',
    '--txindex',
    '--rejectnonstd',
    ...(miningAddress ? [`--miningaddr=${miningAddress}`] : []),
  ];
  const started = await spawnDetached(path.join(binDir, 'btcd'), args, files);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (started.exit) {
      throw new Error(
        `btcd exited during start (code ${started.exit.code}); see ${files.outputFile}`,
      );
    }
    try {
      await btcdCall(btcd, 'getblockcount');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`btcd did not answer in time: ${String(error)}`);
    }
    await sleep(200);
  }
}

/** Whether btcd runs and answers RPC. */
export async function btcdAnswers(btcd: BtcdInfo): Promise<boolean> {
  try {
    await btcdCall(btcd, 'getblockcount');
    return true;
  } catch {
    return false;
  }
}

/** Asks btcd to stop (it flushes its database), then waits for it to exit. */
export async function stopBtcd(files: BtcdFiles, btcd: BtcdInfo): Promise<void> {
  const pid = await runningPid(files.pidFile, 'btcd');
  if (pid === undefined) return;
  try {
    await btcdCall(btcd, 'stop');
  } catch {
    // Not answering: the signals below will do.
  }
  if (!(await waitForExit(pid, 30_000))) await terminate(pid, files.pidFile);
  await terminate(pid, files.pidFile);
}

/** The last block mined through generateBlocks, kept beside btcd's certificate. */
interface MinedTip {
  height: number;
  hash: string;
}
const minedTipFile = (btcd: BtcdInfo) => path.join(path.dirname(btcd.cert), 'mined-tip.json');

/** Mines `count` blocks to btcd's --miningaddr, records the tip; returns the new height. */
export async function generateBlocks(btcd: BtcdInfo, count: number): Promise<number> {
  // Batches keep each RPC call short.
  for (let left = count; left > 0; left -= 100) {
    await btcdCall(btcd, 'generate', [Math.min(left, 100)]);
  }
  const height = await btcdCall<number>(btcd, 'getblockcount');
  const tip: MinedTip = { height, hash: await btcdCall<string>(btcd, 'getblockhash', [height]) };
  await writeFile(minedTipFile(btcd), `${JSON.stringify(tip)}\n`);
  return height;
}

/**
 * btcd keeps recent blocks in memory: killed (not stopped), it comes back a few blocks short
 * of what the LND nodes saw, and they wait for a chain that never comes. The answer is a
 * longer chain: how many blocks to mine so that the nodes reorganise onto it (0 if in step).
 */
export async function blocksLostByBtcd(btcd: BtcdInfo): Promise<number> {
  let tip: MinedTip;
  try {
    tip = JSON.parse(await readFile(minedTipFile(btcd), 'utf8')) as MinedTip;
  } catch {
    return 0;
  }
  const height = await btcdCall<number>(btcd, 'getblockcount');
  if (height < tip.height) return tip.height - height + 1;
  const hash = await btcdCall<string>(btcd, 'getblockhash', [tip.height]);
  return hash === tip.hash ? 0 : 1;
}

/** Seconds since the chain tip's timestamp. */
export async function tipAgeSeconds(btcd: BtcdInfo): Promise<number> {
  const hash = await btcdCall<string>(btcd, 'getbestblockhash');
  const header = await btcdCall<{ time: number }>(btcd, 'getblockheader', [hash, true]);
  return Date.now() / 1000 - header.time;
}
