import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BtcdInfo, LndNodeName } from './layout';
import { lndLayout } from './layout';
import { runningPid, sleep, spawnDetached, terminate, waitForExit } from './processes';

/** What it takes to start one LND node and talk to it. */
export interface LndNodeConfig {
  name: LndNodeName;
  dir: string;
  rpcPort: number;
  p2pPort: number;
}

/** The part of `lncli getinfo` used here. */
export interface LndGetInfo {
  identity_pubkey: string;
  block_height: number;
  block_hash: string;
  synced_to_chain: boolean;
  num_active_channels: number;
}

/**
 * LND's flags, as LND's own integration harness sets them for a btcd backend, minus the ones
 * only for its dev builds. The shop deletes canceled invoices at once, so that LookupInvoice
 * answers NOT_FOUND for them (the app's tests rely on it). Keysend stays off (LND's default).
 */
function lndArgs(node: LndNodeConfig, btcd: BtcdInfo, btcdCert: string): string[] {
  return [
    '--bitcoin.regtest',
    '--bitcoin.node=btcd',
    `--btcd.rpchost=127.0.0.1:${btcd.rpcPort}`,
    `--btcd.rpcuser=${btcd.rpcUser}`,
    `--btcd.rpcpass=${btcd.rpcPass}`,
    `--btcd.rpccert=${btcdCert}`,
    '--noseedbackup',
    '--nobootstrap',
    '--bitcoin.defaultchanconfs=1',
    `--lnddir=${node.dir}`,
    `--rpclisten=127.0.0.1:${node.rpcPort}`,
    `--listen=127.0.0.1:${node.p2pPort}`,
    '--norest',
    '--tlsextradomain=localhost',
    `--alias=boltboard-regtest-${node.name}`,
    '--debuglevel=info',
    // Gossip in milliseconds rather than LND's 90 s default: channel updates reach the peer fast.
    '--trickledelay=50',
    ...(node.name === 'shop'
      ? ['--gc-canceled-invoices-on-startup', '--gc-canceled-invoices-on-the-fly']
      : []),
  ];
}

/** LND answers this way for a while after its RPC comes up: the call is worth repeating. */
const STILL_STARTING = /in the process of starting|not yet ready to accept calls|waiting to start/;
const STARTING_PATIENCE_MS = 60_000;

/**
 * Runs lncli against `node` and parses its JSON answer. Calls made while LND is still starting
 * its server (it answers getinfo before it accepts peers) are repeated for up to a minute.
 */
export async function lncli<T>(binDir: string, node: LndNodeConfig, args: string[]): Promise<T> {
  const deadline = Date.now() + STARTING_PATIENCE_MS;
  for (;;) {
    try {
      return await lncliOnce<T>(binDir, node, args);
    } catch (error) {
      if (!STILL_STARTING.test((error as Error).message) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function lncliOnce<T>(binDir: string, node: LndNodeConfig, args: string[]): Promise<T> {
  const base = [
    `--lnddir=${node.dir}`,
    '--network=regtest',
    `--rpcserver=127.0.0.1:${node.rpcPort}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      path.join(binDir, 'lncli'),
      [...base, ...args],
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const why = (stderr || stdout || error.message).trim().split('\n').pop();
          reject(new Error(`lncli ${args[0]} on ${node.name}: ${why}`));
          return;
        }
        try {
          resolve((stdout.trim() ? JSON.parse(stdout) : {}) as T);
        } catch {
          // A few commands (bakemacaroon --save_to) answer in words, not JSON.
          resolve({ text: stdout.trim() } as T);
        }
      },
    );
  });
}

/** getinfo, or undefined while the node is down or still starting. */
export async function lndInfo(
  binDir: string,
  node: LndNodeConfig,
): Promise<LndGetInfo | undefined> {
  try {
    return await lncli<LndGetInfo>(binDir, node, ['getinfo']);
  } catch {
    return undefined;
  }
}

/**
 * Starts LND detached and resolves once its RPC answers getinfo. With --noseedbackup the
 * first start creates and unlocks the wallet itself (and writes the macaroons).
 */
export async function startLnd(
  binDir: string,
  node: LndNodeConfig,
  btcd: BtcdInfo,
  btcdCert: string,
): Promise<LndGetInfo> {
  const files = lndLayout(node.dir);
  await mkdir(node.dir, { recursive: true });
  const started = await spawnDetached(
    path.join(binDir, 'lnd'),
    lndArgs(node, btcd, btcdCert),
    files,
  );
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (started.exit) {
      throw new Error(
        `lnd ${node.name} exited during start (code ${started.exit.code}); see ${files.outputFile}`,
      );
    }
    const info = await lndInfo(binDir, node);
    if (info) return info;
    if (Date.now() > deadline) throw new Error(`lnd ${node.name} did not answer in time`);
    await sleep(500);
  }
}

/** Waits for a node already running (maybe still starting) to answer; undefined if it does not. */
export async function waitForLnd(
  binDir: string,
  node: LndNodeConfig,
  timeoutMs: number,
): Promise<LndGetInfo | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await lndInfo(binDir, node);
    if (info || Date.now() > deadline) return info;
    await sleep(500);
  }
}

/** `lncli stop` (a clean shutdown), then signals if LND does not exit. */
export async function stopLnd(binDir: string, node: LndNodeConfig): Promise<void> {
  const files = lndLayout(node.dir);
  const pid = await runningPid(files.pidFile, 'lnd');
  if (pid === undefined) return;
  try {
    await lncli(binDir, node, ['stop']);
  } catch {
    // Not answering (still starting, or stuck): the signals below will do.
  }
  await waitForExit(pid, 30_000);
  await terminate(pid, files.pidFile);
}
