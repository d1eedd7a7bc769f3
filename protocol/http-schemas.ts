import { z } from 'zod';
import { orderIdSchema } from './orders';

/**
 * Request schemas of the HTTP routes (query strings, path parameters, bodies), shared by the
 * server, which validates with them, and the OpenAPI document, which is generated from them.
 * The order body is `orderRequestSchema` in ./orders.ts.
 */

/** A change sequence number in a query string. */
export const seqParamSchema = z.coerce.number().int().min(0);

export const CHANGES_DEFAULT_LIMIT = 1000;
export const CHANGES_MAX_LIMIT = 10_000;

/** `GET /api/changes?since&limit`. */
export const changesQuerySchema = z.object({
  since: seqParamSchema.describe('The last seq the client has seen.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(CHANGES_MAX_LIMIT)
    .default(CHANGES_DEFAULT_LIMIT)
    .describe('At most this many changes; ask again from the last seq for more.'),
});

/** `GET /api/canvas.png?seq`. */
export const canvasQuerySchema = z.object({
  seq: seqParamSchema
    .optional()
    .describe('The board as it was after this change; absent: the board now.'),
});

/** `GET /api/preview.png`: the view URL's `x`, `y` (centre) and `zoom`, or a region `x`, `y` (top-left), `w`, `h`; neither: the whole board. */
export const previewQuerySchema = z.object({
  x: z.coerce
    .number()
    .min(0)
    .max(65_535)
    .optional()
    .describe('Board x: centre with zoom, left edge with w/h.'),
  y: z.coerce
    .number()
    .min(0)
    .max(65_535)
    .optional()
    .describe('Board y: centre with zoom, top edge with w/h.'),
  w: z.coerce
    .number()
    .int()
    .min(1)
    .max(65_535)
    .optional()
    .describe('Region width in board pixels.'),
  h: z.coerce
    .number()
    .int()
    .min(1)
    .max(65_535)
    .optional()
    .describe('Region height in board pixels.'),
  zoom: z.coerce
    .number()
    .positive()
    .max(40)
    .optional()
    .describe('Screen pixels per board pixel, as in the page URL.'),
});

/** `POST /api/dev/pay` body. */
export const devPayBodySchema = z.object({
  paymentRequest: z.string().min(1).max(4000).describe('A BOLT11 payment request to pay.'),
});

/** `GET /api/pixels/:x/:y` path parameters, for a board of the given size. */
export function pixelCoordinatesSchema(board: { width: number; height: number }) {
  const coordinate = (size: number) =>
    z.coerce
      .number()
      .int()
      .min(0)
      .max(size - 1, 'is outside the board');
  return z.object({ x: coordinate(board.width), y: coordinate(board.height) });
}

/** `GET /api/orders/:id` path parameters. */
export const orderPathSchema = z.object({ id: orderIdSchema });
