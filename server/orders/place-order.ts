import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { CreatedOrder, OrderRequest } from '../../protocol/orders';
import { AppError } from '../app-error';
import type { Config } from '../config';
import { parseInput } from '../validation';
import { createOrder, type CreateOrderDeps } from './create-order';

/** What placing an order needs; the edges' deps (OrderRoutesDeps, SocketApiDeps, ...) extend it. */
export interface PlaceOrderDeps extends Pick<CreateOrderDeps, 'db' | 'lightning'> {
  config: Pick<
    Config,
    'width' | 'height' | 'pricePerPixelSat' | 'invoiceExpirySeconds' | 'maxOpenOrdersPerClient'
  >;
  /** Seconds to wait before this client may order again (0: go ahead; a token is taken). */
  orderRateLimiter: { take(clientKey: string): number };
  /** The order schema of this board (its size, palette and limits). */
  orderSchema: ZodType<OrderRequest>;
  /** Learns the network from the invoice, for a macaroon without info:read. */
  node: { noteInvoice(paymentRequest: string): void };
  metrics: { ordersCreated: { inc(): void } };
  log: Logger;
}

/**
 * The one entry for new orders from any edge (HTTP, socket): rate limit per client, validate
 * with the board's schema, then create. `clientKey` is the client's address.
 */
export async function placeOrder(
  context: PlaceOrderDeps,
  input: unknown,
  clientKey: string,
): Promise<CreatedOrder> {
  const retryAfter = context.orderRateLimiter.take(clientKey);
  if (retryAfter > 0) {
    throw new AppError(
      'rate_limited',
      `Too many orders; try again in ${retryAfter} s.`,
      429,
      retryAfter,
    );
  }
  const request = parseInput(context.orderSchema, input);
  const { config } = context;
  const order = await createOrder(
    {
      db: context.db,
      lightning: context.lightning,
      board: { width: config.width, height: config.height },
      pricePerPixelSat: config.pricePerPixelSat,
      invoiceExpirySeconds: config.invoiceExpirySeconds,
      maxOpenOrdersPerClient: config.maxOpenOrdersPerClient,
    },
    request,
    clientKey,
  );
  context.node.noteInvoice(order.paymentRequest);
  context.metrics.ordersCreated.inc();
  context.log.info(
    { orderId: order.id, pixels: order.pixelCount, amountSat: order.amountSat },
    'order created',
  );
  return order;
}
