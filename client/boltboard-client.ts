import type { OrderRequestInput, CreatedOrder, OrderView } from '../protocol/orders';
import type { PixelHistory } from '../protocol/pixel-history';
import type { BoardSettings } from '../protocol/settings';
import { decodeBoardPng, downloadBoardPng, type BoardIndices } from './board-download';
import { openBoardSocket, type BoardSocket } from './board-socket';
import {
  subscribeChanges,
  type ChangesHandlers,
  type ChangesSubscription,
} from './changes-subscription';
import { requestJson } from './http-api';
import { waitForOrder, type WaitForOrderOptions } from './wait-for-order';

/**
 * A typed client of one Boltboard server (HTTP + socket.io), for bots. The socket opens on
 * first use (subscriptions, waiting for orders) and reconnects by itself; `close()` ends it.
 */
export class BoltboardClient {
  readonly baseUrl: string;
  private socket: BoardSocket | null = null;
  private cachedSettings: BoardSettings | null = null;

  constructor(url: string) {
    this.baseUrl = url.replace(/\/+$/, '');
  }

  /** `GET /api/settings` (the seq in it is fresh; size, palette and limits are fixed). */
  async settings(): Promise<BoardSettings> {
    this.cachedSettings = await requestJson<BoardSettings>(this.baseUrl, '/api/settings');
    return this.cachedSettings;
  }

  /** The board as PNG bytes and the seq it shows; `seq` for the board as it was then. */
  boardPng(seq?: number): Promise<{ png: Buffer; seq: number }> {
    return downloadBoardPng(this.baseUrl, seq);
  }

  /** The board as one palette index per pixel (decoded with sharp). */
  async board(seq?: number): Promise<BoardIndices> {
    const settings = this.cachedSettings ?? (await this.settings());
    const { png, seq: shown } = await this.boardPng(seq);
    return decodeBoardPng(png, settings.palette, shown);
  }

  /**
   * Follows changes after `since` (default: from now), catching up by seq after reconnects.
   * To mirror the board: subscribe with the seq of a downloaded board, then apply each change.
   */
  subscribeChanges(handlers: ChangesHandlers, since?: number): ChangesSubscription {
    return subscribeChanges(this.connect(), handlers, since);
  }

  /** `POST /api/orders`: the pending order and its invoice. */
  createOrder(request: OrderRequestInput): Promise<CreatedOrder> {
    return requestJson<CreatedOrder>(this.baseUrl, '/api/orders', { body: request });
  }

  /** `GET /api/orders/:id`. */
  order(id: string): Promise<OrderView> {
    return requestJson<OrderView>(this.baseUrl, `/api/orders/${encodeURIComponent(id)}`);
  }

  /** Resolves once the order is paid or expired (socket events, with HTTP polling as fallback). */
  waitForOrder(id: string, options?: WaitForOrderOptions): Promise<OrderView> {
    return waitForOrder(this.baseUrl, this.connect(), id, options);
  }

  /** `GET /api/pixels/:x/:y`: the colour now and the history, newest first. */
  pixelHistory(x: number, y: number): Promise<PixelHistory> {
    return requestJson<PixelHistory>(this.baseUrl, `/api/pixels/${x}/${y}`);
  }

  /** `POST /api/dev/pay`: the simulator's test wallet pays (only on a simulated server). */
  async devPay(paymentRequest: string): Promise<void> {
    await requestJson(this.baseUrl, '/api/dev/pay', { body: { paymentRequest } });
  }

  /** The underlying socket (opened on first call), for events this class does not wrap. */
  connect(): BoardSocket {
    this.socket ??= openBoardSocket(this.baseUrl);
    return this.socket;
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }
}
