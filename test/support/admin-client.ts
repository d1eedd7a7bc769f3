import type { CreatedOrder, OrderRequestInput, OrderView } from '../../protocol/orders';
import { api } from './api-client';

/** The operator token test servers are started with. */
export const TEST_ADMIN_TOKEN = 'test-operator-token-0123456789';

/** A JSON request to an admin route, with the operator token (or `token` when given). */
export function adminApi<T = unknown>(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null } = {},
) {
  const token = init.token === undefined ? TEST_ADMIN_TOKEN : init.token;
  return api<T>(baseUrl, path, {
    method: init.method,
    body: init.body,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
}

/** Orders pixels and pays for them through the simulator; resolves with the order once painted. */
export async function paintPaid(
  baseUrl: string,
  order: OrderRequestInput,
): Promise<{ id: string; seq: number }> {
  const created = await api<CreatedOrder>(baseUrl, '/api/orders', { body: order });
  if (created.status !== 201) throw new Error(`order refused: ${JSON.stringify(created.body)}`);
  const paid = await api(baseUrl, '/api/dev/pay', {
    body: { paymentRequest: created.body.paymentRequest },
  });
  if (paid.status !== 200) throw new Error(`payment refused: ${JSON.stringify(paid.body)}`);
  const view = await api<OrderView>(baseUrl, `/api/orders/${created.body.id}`);
  return { id: created.body.id, seq: view.body.seq! };
}
