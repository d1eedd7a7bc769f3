import {
  legacyOrderSchema,
  legacyOrderToRequest,
  type LegacySettings,
} from '../../../protocol/satoshis-place';
import type { AppContext } from '../../app-context';
import { toErrorResponse } from '../../error-response';
import { placeOrder } from '../../orders/place-order';
import { clientKey as clientKeyOf } from '../../http/client-address';
import { parseInput } from '../../validation';
import type { BoardServer } from '../socket-api';
import { guardSocketEvents, socketEventLimiter } from '../socket-guard';
import { BoardDataUrl } from './board-data-url';
import { CoalescedBoardPushes } from './board-pushes';
import { SATOSHIS_PLACE_NAMESPACE, type LegacyNamespace } from './legacy-namespace';
import { startSettledPushes, type LegacySessions } from './settled-pushes';

/**
 * The original satoshis.place socket API on the `/satoshis-place` namespace (same port), so
 * 2018 bots only change their URL. Orders go through the same `placeOrder` as HTTP and the
 * default namespace (rate limits, open-order cap, validation with bounds); every request gets
 * an answer event, with `{ error }` on failure. Returns the listener that pushes settled orders
 * (server/after-commit.ts calls it) and a stop function.
 */
export function attachSatoshisPlaceApi(
  io: BoardServer,
  context: AppContext,
): ReturnType<typeof startSettledPushes> {
  const nsp: LegacyNamespace = io.of(SATOSHIS_PLACE_NAMESPACE);
  const sessions: LegacySessions = new Map();
  const pushes = new CoalescedBoardPushes(nsp, new BoardDataUrl(context.pngCache), (error) =>
    context.log.warn({ err: error }, 'satoshis.place push failed'),
  );
  const { config } = context;
  const settings: LegacySettings = {
    boardLength: config.width,
    boardHeight: config.height,
    colors: config.palette,
    invoiceExpiry: config.invoiceExpirySeconds,
    orderPixelsLimit: config.maxPixelsPerOrder,
    pricePerPixel: config.pricePerPixelSat,
  };
  const failure = (error: unknown, event: string) => {
    const response = toErrorResponse(error);
    if (response.unexpected)
      context.log.error({ err: error, event }, 'satoshis.place request failed');
    return { error: response.body.error.message };
  };

  const limiter = socketEventLimiter(context);
  nsp.on('connection', (socket) => {
    guardSocketEvents(socket, limiter);
    const clientKey = clientKeyOf(socket.request, context.config.edge.trustProxy);
    socket.on('GET_SETTINGS', () => {
      socket.emit('GET_SETTINGS_RESULT', { data: settings });
    });
    pushes.join(socket);
    // Answered with the next push, one encoding for every socket that asked.
    socket.on('GET_LATEST_PIXELS', () => pushes.requestImage(socket));
    socket.on('NEW_ORDER', (pixels: unknown) => {
      const create = async () => {
        const request = legacyOrderToRequest(parseInput(legacyOrderSchema, pixels));
        const order = await placeOrder(context, request, clientKey);
        sessions.set(order.id, { sessionId: socket.id, paymentRequest: order.paymentRequest });
        return order.paymentRequest;
      };
      create().then(
        (paymentRequest) => socket.emit('NEW_ORDER_RESULT', { data: { paymentRequest } }),
        (error: unknown) => socket.emit('NEW_ORDER_RESULT', failure(error, 'NEW_ORDER')),
      );
    });
  });
  return startSettledPushes(nsp, context, sessions, pushes);
}
