import { orderIdSchema } from '../../../protocol/orders';
import type { AppContext } from '../../app-context';
import { getOrder } from '../../orders/get-order';
import { placeOrder } from '../../orders/place-order';
import { parseInput } from '../../validation';
import { createOrderAdmission } from '../order-admission';
import { readJsonBody, sendJson } from '../respond';
import type { Router } from '../router';

/** `POST /api/orders`, `GET /api/orders/:id`. */
export function addOrderRoutes(router: Router, context: AppContext): void {
  const admit = createOrderAdmission(context);

  router.add('POST', '/api/orders', async (req, res) => {
    // Limits first: a refused client costs no body reading or parsing.
    const admission = admit(req);
    let body: unknown;
    try {
      body = await readJsonBody(req, context.config.maxBodyBytes);
    } finally {
      admission.release();
    }
    admission.handOver();
    const order = await placeOrder(context, body, admission.clientKey);
    sendJson(res, 201, order, { Location: `/api/orders/${order.id}` });
  });

  router.add('GET', '/api/orders/:id', async (_req, res, params) => {
    const id = parseInput(orderIdSchema, params.id);
    sendJson(res, 200, await getOrder(context.db, id));
  });
}
