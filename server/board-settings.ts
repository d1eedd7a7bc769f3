import type { BoardSettings } from '../protocol/settings';
import type { Board } from './canvas/board';
import type { Activity } from './history/activity-last-day';
import type { LightningNode } from './lightning/lightning-node';

export interface BoardSettingsDeps {
  /** Its size, and its seq now. */
  board: Board;
  palette: string[];
  pricePerPixelSat: number;
  maxPixelsPerOrder: number;
  invoiceExpirySeconds: number;
  fiat: { currency: string; satsPerUnit: number } | undefined;
  /** The node's network and whether it is the simulator, as learned so far. */
  node: TestWalletDeps['node'];
  testWallet: TestWalletDeps['testWallet'];
  /** Paid paints of the last 24 hours (undefined until first counted). */
  activity: { current(): Activity | undefined };
}

/** The board's public settings now, as `GET /api/settings` and the socket `hello` carry them. */
export function boardSettings(deps: BoardSettingsDeps): BoardSettings {
  const activity24h = deps.activity.current();
  return {
    width: deps.board.width,
    height: deps.board.height,
    palette: deps.palette,
    pricePerPixelSat: deps.pricePerPixelSat,
    maxPixelsPerOrder: deps.maxPixelsPerOrder,
    invoiceExpirySeconds: deps.invoiceExpirySeconds,
    network: deps.node.network,
    simulated: deps.node.simulated,
    testWallet: testWalletOpen(deps),
    seq: deps.board.seq,
    ...(deps.fiat && { fiat: deps.fiat }),
    ...(activity24h && { activity24h }),
  };
}

export interface TestWalletDeps {
  node: { readonly network: string; readonly simulated: boolean };
  /** A regtest buyer's node (WALLET_LND_*), when configured. */
  testWallet: LightningNode | undefined;
}

/** `/api/dev/pay` is open on regtest only, with the simulator or a configured wallet node. */
export function testWalletOpen(deps: TestWalletDeps): boolean {
  return deps.node.network === 'regtest' && (deps.node.simulated || deps.testWallet !== undefined);
}
