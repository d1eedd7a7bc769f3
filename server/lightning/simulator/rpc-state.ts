// lnrpc.State/GetState: readiness as LND reports it; LND serves it in every state, without a macaroon.
import type { UnaryImpl } from './auth';
import { walletStateName, type NodeState } from './node-state';

/** GetState: the WalletState name of the node's current state. */
export function getState(state: () => NodeState): UnaryImpl {
  return () => ({ state: walletStateName(state()) });
}
