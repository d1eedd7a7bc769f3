// lnrpc.Lightning/GetInfo: identifies the node as the boltboard regtest simulator.
// The alias is defined once, outside the simulator, so the app can name it without loading this.
import { SIMULATOR_ALIAS } from '../simulator-identity';
import { BEST_HEADER_TIMESTAMP, BLOCK_HASH, BLOCK_HEIGHT } from './chain';
import type { Message } from './fields';

export { SIMULATOR_ALIAS };

/** Version string reported in GetInfo. */
export const SIMULATOR_VERSION = '0.20.1-beta commit=boltboard-lnd-simulator';

const NODE_FEATURES: ReadonlyArray<[number, string, boolean]> = [
  [0, 'data-loss-protect', true],
  [5, 'upfront-shutdown-script', false],
  [9, 'tlv-onion', false],
  [12, 'static-remote-key', true],
  [14, 'payment-addr', true],
  [17, 'multi-path-payments', false],
];

/** The GetInfoResponse of a node with identity `pubkey` (33-byte compressed key). */
export function getInfoResponse(pubkey: Buffer): Message {
  const features: Record<number, Message> = {};
  for (const [bit, name, required] of NODE_FEATURES) {
    features[bit] = { name, is_required: required, is_known: true };
  }
  return {
    version: SIMULATOR_VERSION,
    commit_hash: 'boltboard-lnd-simulator',
    identity_pubkey: pubkey.toString('hex'),
    alias: SIMULATOR_ALIAS,
    color: '#f7931a',
    num_pending_channels: 0,
    num_active_channels: 1,
    num_inactive_channels: 0,
    num_peers: 1,
    block_height: BLOCK_HEIGHT,
    block_hash: BLOCK_HASH,
    best_header_timestamp: String(BEST_HEADER_TIMESTAMP),
    synced_to_chain: true,
    synced_to_graph: true,
    testnet: false,
    chains: [{ chain: 'bitcoin', network: 'regtest' }],
    uris: [],
    features,
    require_htlc_interceptor: false,
    store_final_htlc_resolutions: false,
  };
}
