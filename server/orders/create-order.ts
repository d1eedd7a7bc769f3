import { randomUUID } from 'node:crypto';
import { countOpenOrders, insertOrder } from '../../db/queries/orders';
import type { Db } from '../../db/pool';
import type { CreatedOrder, OrderRequest } from '../../protocol/orders';
import { AppError, databaseCall } from '../app-error';
import { packPixels, pixelBatchFrom } from '../../protocol/pixel-batch';
import type { LightningNode } from '../lightning/lightning-node';
import { priceSat, satToMsat } from '../../protocol/price';

export interface CreateOrderDeps {
  db: Db;
  lightning: LightningNode;
  board: { width: number; height: number };
  pricePerPixelSat: number;
  invoiceExpirySeconds: number;
  maxOpenOrdersPerClient: number;
}

/**
 * Prices a validated order, asks the node for its invoice and stores it as pending.
 * `clientKey` identifies the asker for the cap on open (unpaid) orders.
 */
export async function createOrder(
  deps: CreateOrderDeps,
  request: OrderRequest,
  clientKey: string,
): Promise<CreatedOrder> {
  const open = await databaseCall(() => countOpenOrders(deps.db, clientKey));
  if (open >= deps.maxOpenOrdersPerClient) {
    throw new AppError(
      'too_many_open_orders',
      `You have ${open} unpaid orders; pay or let them expire before creating more.`,
      429,
      60,
    );
  }
  const pixelCount = request.pixels.length;
  const amountSat = priceSat(pixelCount, deps.pricePerPixelSat);
  const expiresAt = new Date(Date.now() + deps.invoiceExpirySeconds * 1000);
  const invoice = await deps.lightning.createInvoice({
    amountMsat: satToMsat(amountSat),
    description: `Boltboard: ${pixelCount} pixel${pixelCount === 1 ? '' : 's'} on the ${deps.board.width}x${deps.board.height} board`,
    expiresAt,
  });
  const id = randomUUID();
  await databaseCall(() =>
    insertOrder(deps.db, {
      id,
      paymentHash: invoice.paymentHash,
      paymentRequest: invoice.paymentRequest,
      amountMsat: satToMsat(amountSat),
      pixelCount,
      packedPixels: packPixels(pixelBatchFrom(request.pixels)),
      name: request.name || null,
      message: request.message || null,
      clientKey,
      expiresAt,
    }),
  );
  return {
    id,
    status: 'pending',
    pixelCount,
    amountSat,
    paymentRequest: invoice.paymentRequest,
    paymentHash: invoice.paymentHash,
    expiresAt: expiresAt.toISOString(),
  };
}
