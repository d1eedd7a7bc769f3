// Readiness of the simulated node, and how LND's RPC state interceptor (rpcperms/interceptor.go)
// refuses calls before it is ready: a plain Go error, so gRPC code UNKNOWN with these words.

/** 'waiting-to-start': not elected leader yet; 'locked': wallet locked; 'starting': unlocked, RPC not ready. */
export type NodeState = 'waiting-to-start' | 'locked' | 'starting' | 'ready';

/** Every NodeState, for input checks at the simulator's edges. */
export const NODE_STATES: readonly NodeState[] = [
  'waiting-to-start',
  'locked',
  'starting',
  'ready',
];

const REFUSALS: Record<NodeState, string | undefined> = {
  'waiting-to-start': 'waiting to start, RPC services not available',
  locked: 'wallet locked, unlock it to enable full RPC access',
  starting: 'the RPC server is in the process of starting up, but not yet ready to accept calls',
  ready: undefined,
};

/** LND's refusal of any Lightning/Router/Invoices call in `state`, undefined when it is served. */
export function stateRefusal(state: NodeState): string | undefined {
  return REFUSALS[state];
}

/** The lnrpc.WalletState name the State service reports in `state`. */
export function walletStateName(state: NodeState): string {
  const names: Record<NodeState, string> = {
    'waiting-to-start': 'WAITING_TO_START',
    locked: 'LOCKED',
    starting: 'UNLOCKED',
    ready: 'SERVER_ACTIVE',
  };
  return names[state];
}

/** Type guard for untrusted input (CLI, control endpoint). */
export function isNodeState(value: unknown): value is NodeState {
  return typeof value === 'string' && (NODE_STATES as readonly string[]).includes(value);
}
