import type { RequestedPixel } from '../../protocol/orders';
import { priceSat, splitIntoOrders } from '../../protocol/price';

/** A draft made ready to buy: what is charged, what is left out, and the orders it needs. */
export interface OrderPlan {
  /** Draft pixels whose board pixel already has the colour: left out, not charged. */
  alreadyRight: number;
  /** Pixels to buy. */
  pixelCount: number;
  priceSat: number;
  /** The pixels to buy, in orders of at most `maxPixelsPerOrder`. */
  orders: RequestedPixel[][];
}

/**
 * Plans the orders for a draft: leaves out pixels the board already shows in that colour, and
 * splits the rest into orders within the per-order limit (never silently cutting any).
 */
export function planOrders(
  draft: ReadonlyArray<readonly [number, number, number]>,
  boardColorAt: (x: number, y: number) => number,
  limits: { maxPixelsPerOrder: number; pricePerPixelSat: number },
): OrderPlan {
  const toBuy: RequestedPixel[] = [];
  let alreadyRight = 0;
  for (const [x, y, color] of draft) {
    if (boardColorAt(x, y) === color) alreadyRight++;
    else toBuy.push({ x, y, color });
  }
  return {
    alreadyRight,
    pixelCount: toBuy.length,
    priceSat: priceSat(toBuy.length, limits.pricePerPixelSat),
    orders: splitIntoOrders(toBuy, limits.maxPixelsPerOrder),
  };
}
