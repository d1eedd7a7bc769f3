import type { CreatedOrder } from '../../protocol/orders';
import { AppError } from '../app-error';
import type { AppContext } from '../app-context';
import { parseInput } from '../validation';
import { createOrder } from './create-order';

/**
 * The one entry for new orders from any edge (HTTP, socket): rate limit per client, validate
 * with the board's schema, then create. `clientKey` is the client's address.
 */
export async function placeOrder(
  context: AppContext,
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
  context.node.noteInvoice(order.paymentRequest); // the network, for a macaroon without info:read
  context.metrics.ordersCreated.inc();
  context.log.info(
    { orderId: order.id, pixels: order.pixelCount, amountSat: order.amountSat },
    'order created',
  );
  return order;
}
