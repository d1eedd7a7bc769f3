import {
  legacyOrderSchema,
  legacyOrderToRequest,
  type LegacySettings,
} from '../../../protocol/satoshis-place';
import type { BoardPngCache } from '../../canvas/board-png-cache';
import { toErrorResponse } from '../../error-response';
import { placeOrder, type PlaceOrderDeps } from '../../orders/place-order';
import { clientKey as clientKeyOf, type TrustProxy } from '../../http/client-address';
import { parseInput } from '../../validation';
import type { BoardServer } from '../socket-api';
import { guardSocketEvents, socketEventLimiter } from '../socket-guard';
import { BoardDataUrl } from './board-data-url';
import { CoalescedBoardPushes } from './board-pushes';
import { SATOSHIS_PLACE_NAMESPACE, type LegacyNamespace } from './legacy-namespace';
import { startSettledPushes, type LegacySessions, type SettledPushesDeps } from './settled-pushes';

export interface SatoshisPlaceDeps extends PlaceOrderDeps, SettledPushesDeps {
  /** The board image the namespace pushes. */
  pngCache: BoardPngCache;
  palette: string[];
  maxPixelsPerOrder: number;
  socketEventsPerMinute: number;
  trustProxy: TrustProxy;
}

/**
 * The original satoshis.place socket API on the `/satoshis-place` namespace (same port), so
 * 2018 bots only change their URL. Orders go through the same `placeOrder` as HTTP and the
 * default namespace (rate limits, open-order cap, validation with bounds); every request gets
 * an answer event, with `{ error }` on failure. Returns the listener that pushes settled orders
 * (server/after-commit.ts calls it) and a stop function.
 */
export function attachSatoshisPlaceApi(
  io: BoardServer,
  deps: SatoshisPlaceDeps,
): ReturnType<typeof startSettledPushes> {
  const nsp: LegacyNamespace = io.of(SATOSHIS_PLACE_NAMESPACE);
  const sessions: LegacySessions = new Map();
  const pushes = new CoalescedBoardPushes(nsp, new BoardDataUrl(deps.pngCache), (error) =>
    deps.log.warn({ err: error }, 'satoshis.place push failed'),
  );
  const { config } = deps;
  const settings: LegacySettings = {
    boardLength: config.width,
    boardHeight: config.height,
    colors: deps.palette,
    invoiceExpiry: config.invoiceExpirySeconds,
    orderPixelsLimit: deps.maxPixelsPerOrder,
    pricePerPixel: config.pricePerPixelSat,
  };
  const failure = (error: unknown, event: string) => {
    const response = toErrorResponse(error);
    if (response.unexpected) deps.log.error({ err: error, event }, 'satoshis.place request failed');
    return { error: response.body.error.message };
  };

  const limiter = socketEventLimiter(deps.socketEventsPerMinute);
  nsp.on('connection', (socket) => {
    guardSocketEvents(socket, limiter);
    const clientKey = clientKeyOf(socket.request, deps.trustProxy);
    socket.on('GET_SETTINGS', () => {
      socket.emit('GET_SETTINGS_RESULT', { data: settings });
    });
    pushes.join(socket);
    // Answered with the next push, one encoding for every socket that asked.
    socket.on('GET_LATEST_PIXELS', () => pushes.requestImage(socket));
    socket.on('NEW_ORDER', (pixels: unknown) => {
      const create = async () => {
        const request = legacyOrderToRequest(parseInput(legacyOrderSchema, pixels));
        const order = await placeOrder(deps, request, clientKey);
        sessions.set(order.id, { sessionId: socket.id, paymentRequest: order.paymentRequest });
        return order.paymentRequest;
      };
      create().then(
        (paymentRequest) => socket.emit('NEW_ORDER_RESULT', { data: { paymentRequest } }),
        (error: unknown) => socket.emit('NEW_ORDER_RESULT', failure(error, 'NEW_ORDER')),
      );
    });
  });
  return startSettledPushes(nsp, deps, sessions, pushes);
}
