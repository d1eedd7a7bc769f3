import { pendingPaymentHashes } from '../../db/queries/orders';
import type { Db } from '../../db/pool';
import type { LightningNode } from '../lightning/lightning-node';

const CONCURRENT_LOOKUPS = 8;

/**
 * Asks the node about every pending order and settles those it says are paid: payments
 * made while this process was down or its invoice stream was broken still paint, once.
 * Returns how many pending orders turned out paid.
 */
export async function reconcilePendingOrders(
  db: Db,
  lightning: LightningNode,
  settle: (paymentHash: string) => Promise<void>,
): Promise<number> {
  const hashes = await pendingPaymentHashes(db);
  let paid = 0;
  let next = 0;
  const worker = async () => {
    while (next < hashes.length) {
      const hash = hashes[next++];
      if (await lightning.isInvoicePaid(hash)) {
        paid++;
        await settle(hash);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_LOOKUPS }, worker));
  return paid;
}
