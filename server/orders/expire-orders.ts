import { expireOrders as expireDueOrders } from '../../db/queries/orders';
import type { Db } from '../../db/pool';
import type { OrderEvents } from './order-events';

/** Marks unpaid orders past their invoice expiry as expired and tells their watchers. */
export async function expireOrders(
  db: Db,
  orderEvents: OrderEvents,
  now = new Date(),
): Promise<number> {
  const expired = await expireDueOrders(db, now);
  for (const id of expired) orderEvents.publish({ id, status: 'expired' });
  return expired.length;
}
