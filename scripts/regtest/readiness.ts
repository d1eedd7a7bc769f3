import { btcdCall } from './btcd';
import type { BtcdInfo } from './layout';
import { lncli, lndInfo, type LndNodeConfig } from './lnd';
import { sleep } from './processes';

interface ActiveChannel {
  remote_pubkey: string;
  channel_point: string;
  active: boolean;
}

/** Polls `check` until it yields a value, failing after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`regtest: timed out waiting until ${what}`);
    await sleep(250);
  }
}

/**
 * Waits until every node says synced_to_chain at btcd's current height. (LND also calls a
 * node unsynced while the tip is over 2 hours old: mine a block first after a long pause.)
 */
export async function waitForChainSync(
  binDir: string,
  btcd: BtcdInfo,
  nodes: LndNodeConfig[],
): Promise<number> {
  const height = await btcdCall<number>(btcd, 'getblockcount');
  for (const node of nodes) {
    await waitFor(`lnd ${node.name} is synced to height ${height}`, async () => {
      const info = await lndInfo(binDir, node);
      return info?.synced_to_chain && info.block_height >= height ? true : undefined;
    });
  }
  return height;
}

/** The active channel of `node` with `remotePubkey`, if any. */
export async function activeChannelWith(
  binDir: string,
  node: LndNodeConfig,
  remotePubkey: string,
): Promise<ActiveChannel | undefined> {
  try {
    const { channels } = await lncli<{ channels: ActiveChannel[] }>(binDir, node, [
      'listchannels',
      '--active_only',
    ]);
    return channels.find((channel) => channel.remote_pubkey === remotePubkey);
  } catch {
    return undefined;
  }
}

/** Waits until the channel between the two nodes is active on both sides; its channel point. */
export async function waitForActiveChannel(
  binDir: string,
  a: { node: LndNodeConfig; pubkey: string },
  b: { node: LndNodeConfig; pubkey: string },
): Promise<string> {
  const what = `the channel ${a.node.name} <-> ${b.node.name} is active on both sides`;
  const channelPoint = await waitFor(what, async () => {
    const fromA = await activeChannelWith(binDir, a.node, b.pubkey);
    const fromB = fromA && (await activeChannelWith(binDir, b.node, a.pubkey));
    return fromB ? fromA.channel_point : undefined;
  });
  // "Active" comes a moment before the link forwards: a payment right then fails with
  // insufficient balance. Only a payment that goes through proves the channel ready.
  await waitFor(`a 1 sat probe ${a.node.name} -> ${b.node.name} goes through`, async () => {
    const invoice = await lncli<{ r_hash: string; payment_request: string }>(binDir, b.node, [
      'addinvoice',
      '--amt=1',
      '--expiry=60',
      '--memo=regtest readiness probe',
    ]);
    await lncli(binDir, a.node, ['payinvoice', '--force', invoice.payment_request]).catch(
      () => undefined, // judged by the invoice's state below
    );
    const state = await lncli<{ state: string }>(binDir, b.node, ['lookupinvoice', invoice.r_hash]);
    return state.state === 'SETTLED' ? true : undefined;
  });
  return channelPoint;
}
