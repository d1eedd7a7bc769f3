import { orderIdSchema } from '../../../protocol/orders';
import { getOrder } from '../../orders/get-order';
import { placeOrder, type PlaceOrderDeps } from '../../orders/place-order';
import type { RateLimiter } from '../../rate-limiter';
import { parseInput } from '../../validation';
import { createOrderAdmission, type OrderAdmissionDeps } from '../order-admission';
import { readJsonBody, sendJson } from '../respond';
import type { Router } from '../router';

export interface OrderRoutesDeps extends PlaceOrderDeps, OrderAdmissionDeps {
  /** Admission takes a token and gives it back; `placeOrder` takes it again. */
  orderRateLimiter: RateLimiter;
}

/** `POST /api/orders`, `GET /api/orders/:id`. */
export function addOrderRoutes(router: Router, deps: OrderRoutesDeps): void {
  const admit = createOrderAdmission(deps);

  router.add('POST', '/api/orders', async (req, res) => {
    // Limits first: a refused client costs no body reading or parsing.
    const admission = admit(req);
    let body: unknown;
    try {
      body = await readJsonBody(req, deps.maxBodyBytes);
    } finally {
      admission.release();
    }
    admission.handOver();
    const order = await placeOrder(deps, body, admission.clientKey);
    sendJson(res, 201, order, { Location: `/api/orders/${order.id}` });
  });

  router.add('GET', '/api/orders/:id', async (_req, res, params) => {
    const id = parseInput(orderIdSchema, params.id);
    sendJson(res, 200, await getOrder(deps.db, id));
  });
}
