const MSAT_PER_SAT = 1000;

/** Price of an order in whole satoshis: pixels times the price per pixel. Exact integers only. */
export function priceSat(pixelCount: number, pricePerPixelSat: number): number {
  if (!Number.isSafeInteger(pixelCount) || pixelCount < 1)
    throw new RangeError('pixelCount must be a positive integer');
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
