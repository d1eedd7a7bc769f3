import { bylineOf } from '../../db/queries/changes';
import { markOrdersPaid, setOrderChangeSeqs } from '../../db/queries/orders';
import { unpackPixels } from '../canvas/pixel-batch';
import type { AppliedChange, ChangeLog } from '../history/change-log';

/**
 * Paints the orders of these confirmed payments, each exactly once: in one transaction the
 * orders still unpaid are marked paid, their changes and pixel events written and linked.
 * Hashes of orders already paid (by another instance or an earlier run) paint nothing.
 */
export async function settleOrders(
  changeLog: ChangeLog,
  paymentHashes: string[],
): Promise<AppliedChange[]> {
  return changeLog.append(
    async (client) => {
      const paid = await markOrdersPaid(client, paymentHashes);
      return paid.map((order) => ({
        kind: 'paint' as const,
        orderId: order.id,
        actor: `order:${order.id}`,
        note: null,
        byline: bylineOf(order.name, order.message),
        pixels: unpackPixels(order.packedPixels),
      }));
    },
    async (client, changes) => {
      const orders = changes.filter((change) => change.orderId !== null);
      await setOrderChangeSeqs(
        client,
        orders.map((change) => change.orderId as string),
        orders.map((change) => change.seq),
      );
    },
  );
}
