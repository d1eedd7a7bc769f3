import { z } from 'zod';
import { normaliseDisplayText } from './display-text';
import { MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH } from './limits';

export type OrderStatus = 'pending' | 'paid' | 'expired';

/** Limits an order request is checked against; they come from the board settings. */
export interface OrderLimits {
  width: number;
  height: number;
  palette: readonly string[];
  maxPixelsPerOrder: number;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
// Control characters (C0, DEL, C1) are refused in names and messages shown to other people.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const displayText = (max: number) =>
  z
    .string()
    .overwrite(normaliseDisplayText)
    .trim()
    .max(max)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters')
    .optional();

/**
 * The schema of an order request (`POST /api/orders`, socket `order:create`), built for one board.
 * Output: pixels with `color` always a palette index.
 */
export function orderRequestSchema(limits: OrderLimits) {
  const paletteIndexByHex = new Map(limits.palette.map((hex, index) => [hex.toLowerCase(), index]));
  const color = z
    .union([z.number(), z.string()], { error: 'must be a palette index or a #rrggbb colour' })
    .transform((value, ctx) => {
      if (typeof value === 'number') {
        if (Number.isInteger(value) && value >= 0 && value < limits.palette.length) return value;
        ctx.addIssue({
          code: 'custom',
          message: `${value} is not a palette index (0..${limits.palette.length - 1})`,
        });
        return z.NEVER;
      }
      if (!HEX_COLOR.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be a palette index or a #rrggbb colour' });
        return z.NEVER;
      }
      const index = paletteIndexByHex.get(value.toLowerCase());
      if (index === undefined) {
        ctx.addIssue({ code: 'custom', message: `${value} is not in the palette` });
        return z.NEVER;
      }
      return index;
    });
  const pixel = z.object({
    x: z
      .number()
      .int()
      .min(0)
      .max(limits.width - 1, 'is outside the board'),
    y: z
      .number()
      .int()
      .min(0)
      .max(limits.height - 1, 'is outside the board'),
    color,
  });
  return z
    .object({
      pixels: z
        .array(pixel)
        .min(1, 'needs at least one pixel')
        .max(limits.maxPixelsPerOrder, `allows at most ${limits.maxPixelsPerOrder} pixels`),
      name: displayText(NAME_MAX_LENGTH),
      message: displayText(MESSAGE_MAX_LENGTH),
    })
    .superRefine((order, ctx) => {
      const seen = new Set<number>();
      for (let i = 0; i < order.pixels.length; i++) {
        const { x, y } = order.pixels[i];
        const key = y * limits.width + x;
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pixels', i],
            message: `coordinate ${x},${y} appears twice`,
          });
          return;
        }
        seen.add(key);
      }
    });
}

export type OrderRequest = z.output<ReturnType<typeof orderRequestSchema>>;
export type OrderRequestInput = z.input<ReturnType<typeof orderRequestSchema>>;
export type RequestedPixel = OrderRequest['pixels'][number];

/** The answer to creating an order (201 body, `order:create` acknowledgement). */
export interface CreatedOrder {
  id: string;
  status: 'pending';
  pixelCount: number;
  amountSat: number;
  paymentRequest: string;
  paymentHash: string;
  expiresAt: string;
}

/** `GET /api/orders/:id`. */
export interface OrderView {
  id: string;
  status: OrderStatus;
  pixelCount: number;
  amountSat: number;
  paymentRequest: string;
  paymentHash: string;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
  seq?: number;
}

export const orderIdSchema = z.uuid();
