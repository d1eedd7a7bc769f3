// Money rules shared by the server, the page and the bot client: one formula, written once.
const MSAT_PER_SAT = 1000;

/**
 * Price of `pixelCount` pixels in whole satoshis: pixels times the price per pixel (0 for
 * none, as a draft shows it). Exact integers only; throws RangeError otherwise.
 */
export function priceSat(pixelCount: number, pricePerPixelSat: number): number {
  if (!Number.isSafeInteger(pixelCount) || pixelCount < 0) {
    throw new RangeError('pixelCount must be a whole number');
  }
  if (!Number.isSafeInteger(pricePerPixelSat) || pricePerPixelSat < 1) {
    throw new RangeError('pricePerPixelSat must be a positive integer');
  }
  const amount = pixelCount * pricePerPixelSat;
  if (!Number.isSafeInteger(amount * MSAT_PER_SAT)) throw new RangeError('price is too large');
  return amount;
}

export function satToMsat(amountSat: number): number {
  return amountSat * MSAT_PER_SAT;
}

export function msatToSat(amountMsat: number): number {
  return Math.floor(amountMsat / MSAT_PER_SAT);
}

/** Pixels cut into orders of at most `maxPerOrder` each, in their order. */
export function splitIntoOrders<T>(pixels: readonly T[], maxPerOrder: number): T[][] {
  const size = Math.max(1, maxPerOrder);
  const orders: T[][] = [];
  for (let i = 0; i < pixels.length; i += size) orders.push(pixels.slice(i, i + size));
  return orders;
}
