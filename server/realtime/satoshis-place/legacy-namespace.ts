import type { Namespace, Socket } from 'socket.io';
import type {
  LegacyClientToServerEvents,
  LegacyServerToClientEvents,
} from '../../../protocol/satoshis-place';

/** The `/satoshis-place` namespace, typed with the original API's events. */
export type LegacyNamespace = Namespace<LegacyClientToServerEvents, LegacyServerToClientEvents>;
export type LegacySocket = Socket<LegacyClientToServerEvents, LegacyServerToClientEvents>;

export const SATOSHIS_PLACE_NAMESPACE = '/satoshis-place';
