import { z } from 'zod';

/**
 * The original satoshis.place socket API (2018), served on the `/satoshis-place` namespace so
 * its bots run unchanged. Requests carry no acknowledgement: each answer is an event sent back
 * to the asking socket, `{ data }` on success or `{ error: "<message>" }` on failure.
 */

/** Answer envelope of every `_RESULT` event and push. */
export type LegacyResult<T> = { data: T; error?: undefined } | { error: string; data?: undefined };

export interface LegacySettings {
  boardLength: number;
  /** Boltboard extension: boards need not be square (`boardLength` is the width). */
  boardHeight: number;
  colors: string[];
  invoiceExpiry: number;
  orderPixelsLimit: number;
  pricePerPixel: number;
}

export interface LegacyOrderSettled {
  /**
   * The whole board after the payment, as a `data:image/png;base64,...` URL; `""` on all but
   * the last of the orders pushed together (the last one's image shows them all).
   */
  image: string;
  paymentRequest: string;
  /** The socket id that created the order (the order id for orders made elsewhere). */
  sessionId: string;
  pixelsPaintedCount: number;
}

export interface LegacyServerToClientEvents {
  GET_SETTINGS_RESULT: (result: LegacyResult<LegacySettings>) => void;
  GET_LATEST_PIXELS_RESULT: (result: LegacyResult<string>) => void;
  NEW_ORDER_RESULT: (result: LegacyResult<{ paymentRequest: string }>) => void;
  ORDER_SETTLED: (result: LegacyResult<LegacyOrderSettled>) => void;
  BROADCAST_STATS: (
    result: LegacyResult<{ pixelsPerDay: number; transactionsPerDay: number }>,
  ) => void;
}

export interface LegacyClientToServerEvents {
  GET_SETTINGS: (payload?: unknown) => void;
  GET_LATEST_PIXELS: (payload?: unknown) => void;
  NEW_ORDER: (pixels: unknown) => void;
}

/** One pixel of a `NEW_ORDER`: `{ coordinates: [x, y], color: "#rrggbb" }`. */
export const legacyOrderSchema = z.array(
  z.object({
    coordinates: z.tuple([z.number(), z.number()]),
    color: z.string(),
  }),
  { error: 'expected an array of { coordinates: [x, y], color: "#rrggbb" }' },
);

/** A `NEW_ORDER` payload as a Boltboard order request (bounds and palette are checked there). */
export function legacyOrderToRequest(pixels: z.output<typeof legacyOrderSchema>) {
  return {
    pixels: pixels.map(({ coordinates: [x, y], color }) => ({ x, y, color })),
  };
}
