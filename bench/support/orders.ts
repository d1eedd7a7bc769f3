import type { CreatedOrder } from '../../protocol/orders';

export interface BenchOrder {
  id: string;
  paymentHash: string;
  /** The BOLT 11 invoice a buyer pays. */
  paymentRequest: string;
  /** "x,y" of its first pixel: how viewers report receiving it. */
  key: string;
}

const BOARD_SIDE = 1000;

/**
 * Creates `count` orders of `pixelsPerOrder` pixels through the HTTP API, `concurrency` at a
 * time. Pixels are laid out consecutively from `firstPixel`, so every order's first pixel is unique.
 */
export async function createOrders(
  url: string,
  count: number,
  pixelsPerOrder: number,
  firstPixel = 0,
  concurrency = 16,
): Promise<BenchOrder[]> {
  const orders = new Array<BenchOrder>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const pixels = Array.from({ length: pixelsPerOrder }, (_, j) => {
        const index = (firstPixel + i * pixelsPerOrder + j) % (BOARD_SIDE * BOARD_SIDE);
        return {
          x: index % BOARD_SIDE,
          y: Math.floor(index / BOARD_SIDE),
          color: 1 + ((i + j) % 15),
        };
      });
      const response = await fetch(`${url}/api/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ pixels }),
      });
      if (response.status !== 201)
        throw new Error(`order failed: ${response.status} ${await response.text()}`);
      const order = (await response.json()) as CreatedOrder;
      orders[i] = {
        id: order.id,
        paymentHash: order.paymentHash,
        paymentRequest: order.paymentRequest,
        key: `${pixels[0].x},${pixels[0].y}`,
      };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return orders;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<unknown>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
