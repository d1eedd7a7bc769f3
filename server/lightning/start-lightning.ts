import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { LightningNode } from './lightning-node';
import { connectLnd } from './ln-service-node';
import { readNodeCredentials, type NodeCredentials } from './node-credentials';
import { NodeWatcher } from './node-watcher';

export interface StartedLightning {
  lightning: LightningNode;
  /** What is known of the node (network, simulator, readiness), learned and retried. */
  node: NodeWatcher;
  /** A regtest buyer's node for `/api/dev/pay`, when WALLET_LND_* is set. */
  testWallet: LightningNode | undefined;
  /** Key of the node in the stored settle cursor. */
  nodeKey: string;
  stop(): Promise<void>;
}

/** How long the start waits for a node that is away, starting or locked (it is retried after). */
const FIRST_ANSWER_WAIT_MS = 3_000;

/**
 * Connects to the configured LND, or starts the built-in simulator when none is configured
 * (loaded only then: it is a dev tool, not part of a production node), and starts learning
 * about the node. Returns a stop that undoes it.
 */
export async function startLightning(config: Config, log: Logger): Promise<StartedLightning> {
  const lightningConfig = config.lightning;
  let credentials: () => NodeCredentials;
  let stopSimulator: () => Promise<void> = async () => undefined;
  if (lightningConfig.kind === 'simulator') {
    const { startLndSimulator } = await import('./simulator');
    const simulator = await startLndSimulator({ dir: path.join(config.dataDir, 'lnd-sim') });
    stopSimulator = () => simulator.stop();
    log.warn(
      { host: simulator.host },
      'no LND configured: using the built-in regtest LND SIMULATOR (payments are not real)',
    );
    const fixed = {
      grpcHost: simulator.host,
      cert: simulator.certBase64,
      macaroon: simulator.macaroonBase64,
    };
    credentials = () => fixed;
  } else {
    credentials = () => readNodeCredentials(lightningConfig);
  }
  const lightning = connectLnd(credentials);
  const node = new NodeWatcher(
    lightning,
    {
      builtInSimulator: lightningConfig.kind === 'simulator',
      configuredNetwork: lightningConfig.kind === 'lnd' ? lightningConfig.network : undefined,
    },
    log,
  );
  await Promise.race([
    node.start(),
    new Promise((resolve) => setTimeout(resolve, FIRST_ANSWER_WAIT_MS).unref()),
  ]);
  const testWallet = config.testWallet;
  return {
    lightning,
    node,
    testWallet: testWallet ? connectLnd(() => readNodeCredentials(testWallet)) : undefined,
    nodeKey: lightningConfig.kind === 'lnd' ? lightningConfig.grpcHost : 'simulator',
    stop: async () => {
      node.stop();
      await stopSimulator();
    },
  };
}
