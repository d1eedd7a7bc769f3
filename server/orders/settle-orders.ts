import { markOrdersPaid } from '../../db/queries/orders';
import { unpackPixels, type PixelBatch } from '../../protocol/pixel-batch';
import { bylineOf, type Change } from '../../protocol/changes';
import type { ChangeLog } from '../history/change-log';

export interface SettleOrdersDeps {
  changeLog: ChangeLog;
  /** Colours in the palette now: an order's colour index must be below it. */
  paletteSize: number;
}

/** A paid order that cannot be painted on the board as configured now (it shrank, say). */
export class UnpaintableOrderError extends Error {
  constructor(
    readonly orderId: string,
    reason: string,
  ) {
    super(`order ${orderId} cannot be painted: ${reason}`);
    this.name = 'UnpaintableOrderError';
  }
}

/**
 * Paints the orders of these confirmed payments, each exactly once: in one transaction the
 * orders still unpaid are marked paid, their changes and pixel events written and linked
 * (ChangeLog links each paint to its order).
 * Hashes of orders already paid (by another instance or an earlier run) paint nothing. Throws
 * UnpaintableOrderError (writing nothing) when an order no longer fits the board or palette.
 */
export async function settleOrders(
  deps: SettleOrdersDeps,
  paymentHashes: string[],
): Promise<Change[]> {
  const { board } = deps.changeLog;
  return deps.changeLog.append(async (client) => {
    const paid = await markOrdersPaid(client, paymentHashes);
    return paid.map((order) => {
      const pixels = unpackPixels(order.packedPixels);
      const problem = misfit(pixels, board.width, board.height, deps.paletteSize);
      if (problem) throw new UnpaintableOrderError(order.id, problem);
      return {
        kind: 'paint' as const,
        orderId: order.id,
        actor: `order:${order.id}`,
        note: null,
        byline: bylineOf(order.name, order.message),
        pixels,
      };
    });
  });
}

/** Why `pixels` do not fit a width x height board with `paletteSize` colours, or null. */
export function misfit(
  pixels: PixelBatch,
  width: number,
  height: number,
  paletteSize: number,
): string | null {
  for (let i = 0; i < pixels.xs.length; i++) {
    if (pixels.xs[i] >= width || pixels.ys[i] >= height) {
      return `pixel (${pixels.xs[i]}, ${pixels.ys[i]}) is outside the ${width}x${height} board`;
    }
    if (pixels.colors[i] >= paletteSize) {
      return `colour index ${pixels.colors[i]} is not in the ${paletteSize}-colour palette`;
    }
  }
  return null;
}
