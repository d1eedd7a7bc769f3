import { parsePaymentRequest } from 'invoices';
import { devPayBodySchema } from '../../../protocol/http-schemas';
import type { AppContext } from '../../app-context';
import { AppError } from '../../app-error';
import { describeLnError } from '../../lightning/lightning-node';
import { parseInput } from '../../validation';
import { readJsonBody, sendJson } from '../respond';
import type { Router } from '../router';

/**
 * `POST /api/dev/pay`: the simulator's test wallet pays an invoice through ln-service, as any
 * wallet would. Registered only while the simulator is the node; answers once painted.
 */
export function addDevPayRoute(router: Router, context: AppContext): void {
  if (!context.simulated) return;
  router.add('POST', '/api/dev/pay', async (req, res) => {
    const { paymentRequest } = parseInput(devPayBodySchema, await readJsonBody(req, 64 * 1024));
    let paymentHash: string;
    try {
      paymentHash = parsePaymentRequest({ request: paymentRequest }).id;
    } catch {
      throw new AppError('invalid_request', 'paymentRequest: is not a BOLT11 payment request', 400);
    }
    try {
      await context.lightning.payInvoice(paymentRequest);
    } catch (error) {
      throw new AppError(
        'payment_failed',
        `The test wallet could not pay: ${describeLnError(error)}`,
        400,
      );
    }
    // The payment is final once pay() returns; paint now rather than wait for the stream
    // (settling is idempotent, so the stream's copy of this event paints nothing).
    await context.settlements.settle(paymentHash);
    sendJson(res, 200, { settled: true });
  });
}
