import { findOrder } from '../../db/queries/orders';
import type { Db } from '../../db/pool';
import type { OrderView } from '../../protocol/orders';
import { AppError, databaseCall } from '../app-error';
import { msatToSat } from '../../protocol/price';

/** An order as `GET /api/orders/:id` shows it; 404 order_not_found when unknown. */
export async function getOrder(db: Db, id: string): Promise<OrderView> {
  const order = await databaseCall(() => findOrder(db, id));
  if (!order) throw new AppError('order_not_found', `No order ${id}.`, 404);
  return {
    id: order.id,
    status: order.status,
    pixelCount: order.pixelCount,
    amountSat: msatToSat(order.amountMsat),
    paymentRequest: order.paymentRequest,
    paymentHash: order.paymentHash,
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    ...(order.paidAt ? { paidAt: order.paidAt.toISOString() } : {}),
    ...(order.changeSeq !== null ? { seq: order.changeSeq } : {}),
  };
}
