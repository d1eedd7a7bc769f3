import { parsePaymentRequest } from 'invoices';
import { findOrderByPaymentHash } from '../../../db/queries/orders';
import { devPayBodySchema } from '../../../protocol/http-schemas';
import type { Db } from '../../../db/pool';
import { AppError } from '../../app-error';
import { testWalletOpen, type TestWalletDeps } from '../../board-settings';
import { describeLnError, type LightningNode } from '../../lightning/lightning-node';
import type { SettlementQueue } from '../../orders/settlement-queue';
import { parseInput } from '../../validation';
import { readJsonBody, sendJson } from '../respond';
import type { Router } from '../router';

export interface DevPayRouteDeps extends TestWalletDeps {
  db: Db;
  /** The board's node: without a wallet node, the simulator pays its own invoices. */
  lightning: LightningNode;
  settlements: SettlementQueue;
}

/**
 * `POST /api/dev/pay`: a test wallet pays an invoice through ln-service, as any wallet would:
 * the configured regtest wallet node (WALLET_LND_*, as `npm run regtest` prints), or else the
 * simulator itself. Open only on regtest, and only for invoices of this app's own pending
 * orders; answers once painted.
 */
export function addDevPayRoute(router: Router, deps: DevPayRouteDeps): void {
  router.add('POST', '/api/dev/pay', async (req, res) => {
    if (!testWalletOpen(deps)) {
      throw new AppError('not_found', 'No route POST /api/dev/pay.', 404);
    }
    const { paymentRequest } = parseInput(devPayBodySchema, await readJsonBody(req, 64 * 1024));
    let paymentHash: string;
    try {
      paymentHash = parsePaymentRequest({ request: paymentRequest }).id;
    } catch {
      throw new AppError('invalid_request', 'paymentRequest: is not a BOLT11 payment request', 400);
    }
    const order = await findOrderByPaymentHash(deps.db, paymentHash);
    if (!order || order.paymentRequest !== paymentRequest) {
      throw new AppError(
        'invalid_request',
        "paymentRequest: the test wallet pays only invoices of this board's own orders",
        400,
      );
    }
    if (order.status !== 'pending') {
      throw new AppError(
        'invalid_request',
        `paymentRequest: the order is already ${order.status}`,
        400,
      );
    }
    try {
      await (deps.testWallet ?? deps.lightning).payInvoice(paymentRequest);
    } catch (error) {
      throw new AppError(
        'payment_failed',
        `The test wallet could not pay: ${describeLnError(error instanceof Error && error.cause ? error.cause : error)}`,
        400,
      );
    }
    // The payment is final once pay() returns; paint now rather than wait for the stream
    // (settling is idempotent, so the stream's copy of this event paints nothing).
    const outcome = await deps.settlements.settle(paymentHash);
    sendJson(res, 200, { settled: outcome === 'painted' });
  });
}
