/**
 * Boltboard's TypeScript client for bots: settings, the board (PNG or palette indices), live
 * changes with catch-up after reconnects, orders and waiting for payment, pixel history, and a
 * payer for the bot's own LND. Types are the server's own, from protocol/.
 */
export { BoltboardClient } from './boltboard-client';
export { BoltboardApiError } from './http-api';
export { decodeBoardPng, downloadBoardPng, type BoardIndices } from './board-download';
export { openBoardSocket, type BoardSocket } from './board-socket';
export {
  subscribeChanges,
  type ChangesHandlers,
  type ChangesSubscription,
} from './changes-subscription';
export { waitForOrder, type WaitForOrderOptions } from './wait-for-order';
export { connectLndWallet, type LndWallet, type LndWalletOptions } from './lnd-wallet';
export type { WireChange, WirePixel, ChangeKind, ChangesSinceResult } from '../protocol/changes';
export type { ApiErrorBody, ErrorCode } from '../protocol/errors';
export type { CreatedOrder, OrderRequestInput, OrderStatus, OrderView } from '../protocol/orders';
export type { PixelHistory, PixelHistoryEntry } from '../protocol/pixel-history';
export type { BoardSettings } from '../protocol/settings';
