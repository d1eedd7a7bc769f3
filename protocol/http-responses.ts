import { z } from 'zod';
import type { WireChange } from './changes';
import type { ApiErrorBody, ErrorCode } from './errors';
import type { FeedEntry } from './feed';
import type { CreatedOrder, OrderView } from './orders';
import type { PixelHistory } from './pixel-history';
import type { BoardSettings } from './settings';
import { agree, type Same } from './openapi/type-agreement';

/**
 * Response bodies of the HTTP routes as zod schemas, for the OpenAPI document. The wire types
 * stay the interfaces beside them; the checks at the bottom fail to compile if a schema and its
 * interface ever differ.
 */

const isoTime = z.iso.datetime().describe('ISO-8601 time');
const seq = z.number().int().min(0);
const changeKind = z.enum(['paint', 'revert', 'undo']);
const orderStatus = z.enum(['pending', 'paid', 'expired']);

const ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'body_too_large',
  'not_found',
  'order_not_found',
  'unauthorized',
  'rate_limited',
  'too_many_open_orders',
  'lightning_unavailable',
  'database_unavailable',
  'payment_failed',
  'unsupported_media_type',
  'cross_origin',
  'busy',
  'internal_error',
] as const satisfies readonly ErrorCode[];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).describe('Stable snake_case code.'),
    message: z.string().describe('Human-readable text, safe to show.'),
  }),
});

export const settingsSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  palette: z.array(z.string()).describe('`#rrggbb` colours; a colour is an index into this list.'),
  pricePerPixelSat: z.number().int(),
  maxPixelsPerOrder: z.number().int(),
  invoiceExpirySeconds: z.number().int(),
  network: z.string(),
  simulated: z.boolean().describe('True while the regtest LND simulator is the node.'),
  testWallet: z
    .boolean()
    .describe(
      'True while POST /api/dev/pay is open: a regtest test wallet pays invoices of this board.',
    ),
  seq,
  fiat: z
    .object({ currency: z.string(), satsPerUnit: z.number() })
    .optional()
    .describe("The operator's rate: `satsPerUnit` sats make one unit of `currency` (ISO 4217)."),
  activity24h: z
    .object({ pixels: z.number().int(), orders: z.number().int() })
    .optional()
    .describe('Paid paints of the last 24 hours, recounted at most once a minute.'),
});

export const wirePixelSchema = z
  .tuple([z.number().int(), z.number().int(), z.number().int()])
  .describe('[x, y, colour index]');

export const wireChangeSchema = z.object({
  seq,
  kind: changeKind,
  at: isoTime.optional(),
  pixels: z.array(wirePixelSchema),
});

export const changesResultSchema = z.union([
  z.object({ seq, changes: z.array(wireChangeSchema), reload: z.undefined().optional() }),
  z.object({ seq, reload: z.literal(true), changes: z.undefined().optional() }),
]);

export const createdOrderSchema = z.object({
  id: z.uuid(),
  status: z.literal('pending'),
  pixelCount: z.number().int(),
  amountSat: z.number().int(),
  paymentRequest: z.string().describe('BOLT11 invoice to pay.'),
  paymentHash: z.string(),
  expiresAt: isoTime,
});

export const orderViewSchema = z.object({
  id: z.uuid(),
  status: orderStatus,
  pixelCount: z.number().int(),
  amountSat: z.number().int(),
  paymentRequest: z.string(),
  paymentHash: z.string(),
  createdAt: isoTime,
  expiresAt: isoTime,
  paidAt: isoTime.optional(),
  seq: seq.optional().describe('The change that painted it, once paid.'),
});

export const pixelHistorySchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  color: z.number().int(),
  history: z.array(
    z.object({
      seq,
      kind: changeKind,
      color: z.number().int(),
      at: isoTime,
      orderId: z.uuid().optional(),
      amountSat: z.number().int().optional().describe('What the painting order paid, in sats'),
      orderPixels: z.number().int().optional().describe('Pixels that order painted'),
      name: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

export const feedSchema = z.object({
  entries: z.array(
    z.object({
      seq,
      orderId: z.uuid(),
      pixelCount: z.number().int(),
      name: z.string().optional(),
      message: z.string().optional(),
      at: isoTime,
      area: z
        .object({
          x: z.number().int(),
          y: z.number().int(),
          width: z.number().int(),
          height: z.number().int(),
        })
        .optional()
        .describe('The smallest rectangle holding its pixels'),
    }),
  ),
});

export const devPaidSchema = z.object({ settled: z.literal(true) });

// Compile-time guards: each schema describes exactly its wire interface.
agree<Same<z.output<typeof errorBodySchema>, ApiErrorBody>>();
agree<Same<z.output<typeof settingsSchema>, BoardSettings>>();
agree<Same<z.output<typeof wireChangeSchema>, WireChange>>();
agree<Same<z.output<typeof createdOrderSchema>, CreatedOrder>>();
agree<Same<z.output<typeof orderViewSchema>, OrderView>>();
agree<Same<z.output<typeof pixelHistorySchema>, PixelHistory>>();
agree<Same<z.output<typeof feedSchema>['entries'][number], FeedEntry>>();
