import { expireOrders as expireDueOrders } from '../../db/queries/orders';
import type { Db } from '../../db/pool';
import type { OrderEvents } from './order-events';

/** Marks unpaid orders past their invoice expiry as expired, tells their watchers, returns their ids. */
export async function expireOrders(
  db: Db,
  orderEvents: OrderEvents,
  now = new Date(),
): Promise<string[]> {
  const expired = await expireDueOrders(db, now);
  for (const id of expired) orderEvents.publish({ id, status: 'expired' });
  return expired;
}
