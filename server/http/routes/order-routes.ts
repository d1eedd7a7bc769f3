import { orderIdSchema } from '../../../protocol/orders';
import type { AppContext } from '../../app-context';
import { getOrder } from '../../orders/get-order';
import { placeOrder } from '../../orders/place-order';
import { parseInput } from '../../validation';
import { readJsonBody, sendJson } from '../respond';
import type { Router } from '../router';
import { clientAddress } from '../client-address';

/** `POST /api/orders`, `GET /api/orders/:id`. */
export function addOrderRoutes(router: Router, context: AppContext): void {
  router.add('POST', '/api/orders', async (req, res) => {
    const body = await readJsonBody(req, context.config.maxBodyBytes);
    const order = await placeOrder(context, body, clientAddress(req));
    sendJson(res, 201, order, { Location: `/api/orders/${order.id}` });
  });

  router.add('GET', '/api/orders/:id', async (_req, res, params) => {
    const id = parseInput(orderIdSchema, params.id);
    sendJson(res, 200, await getOrder(context.db, id));
  });
}
