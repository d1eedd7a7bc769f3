import type { CreatedOrder, OrderView } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import { api } from './api-client';
import { fetchBoard } from './board-png';
import { waitUntil } from './wait-until';

/**
 * Orders one pixel at (x, y) from the app at `baseUrl`, has `pay` settle its invoice on the node,
 * and resolves once the order is paid and the board shows the pixel: proof that the app reaches
 * its node both ways (AddInvoice out, the settlement back in).
 */
export async function paintThroughNode(
  baseUrl: string,
  /** Pays or settles the order's invoice; false if the node would not. */
  pay: (order: CreatedOrder) => Promise<boolean>,
  pixel: { x: number; y: number; color: number },
): Promise<CreatedOrder> {
  const created = await api<CreatedOrder>(baseUrl, '/api/orders', { body: { pixels: [pixel] } });
  if (created.status !== 201) {
    throw new Error(`order refused: ${created.status} ${JSON.stringify(created.body)}`);
  }
  if (!(await pay(created.body))) throw new Error('the node did not settle the invoice');
  await waitUntil(
    async () =>
      (await api<OrderView>(baseUrl, `/api/orders/${created.body.id}`)).body.status === 'paid',
    `order ${created.body.id} is paid`,
    30_000,
  );
  const { body: settings } = await api<BoardSettings>(baseUrl, '/api/settings');
  const board = await fetchBoard(baseUrl);
  if (board.colorAt(pixel.x, pixel.y) !== settings.palette[pixel.color]) {
    throw new Error(`the board does not show the paid pixel at ${pixel.x},${pixel.y}`);
  }
  return created.body;
}

/** `GET /api/health`: 200 only when the database and the node are up. */
export async function health(baseUrl: string) {
  return api<{ ok: boolean; lightning: string; lightningReason?: string }>(baseUrl, '/api/health');
}
