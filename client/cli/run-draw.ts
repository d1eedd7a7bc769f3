import path from 'node:path';
import type { WirePixel } from '../../protocol/changes';
import { priceSat as priceOf } from '../../protocol/price';
import { BoltboardClient } from '../boltboard-client';
import type { DrawArgs } from './draw-args';
import { loadDrawState, saveDrawState, stateFileFor, type RememberedOrder } from './draw-state';
import { keepDrawing } from './keep-drawing';
import { createRememberedOrder, payRememberedOrder, type BuyContext } from './order-buyer';
import { createPayer } from './payers';
import { placedPixels, pixelsToBuy, positionKey } from './pixel-plan';
import { splitIntoOrders } from '../../protocol/price';
import { DrawProgress } from './progress';
import { SpendingGuard } from './spending-guard';
import { loadTargetImage, writePreviewPng } from './target-image';

/** What a run did. */
export interface DrawSummary {
  pixelsToBuy: number;
  priceSat: number;
  ordersPaid: number;
  satSpent: number;
  previewFile?: string;
}

/** A pending invoice this close to expiry is not reused (it could expire while being paid). */
const REUSE_MARGIN_MS = 60_000;

/**
 * Draws an image: quantise, diff against the board, reuse still-valid unpaid orders of an
 * earlier run, order the rest within the server's per-order limit, pay, and wait for each.
 */
export async function runDraw(args: DrawArgs, print: (line: string) => void): Promise<DrawSummary> {
  const client = new BoltboardClient(args.url);
  try {
    const settings = await client.settings();
    const target = await loadTargetImage(args.image, settings.palette, args);
    const board = await client.board();
    const placed = placedPixels(target, args.x, args.y, board);
    const stateDir = args.stateDir ?? process.cwd();
    const placement = {
      url: client.baseUrl,
      x: args.x,
      y: args.y,
      width: args.width,
      dither: args.dither,
    };
    const { file, key } = await stateFileFor(args.image, placement, stateDir);
    const state = await loadDrawState(file, key);

    const needed = pixelsToBuy(placed, board);
    const neededKeys = new Set(needed.map(([x, y]) => positionKey(x, y)));
    const reusable: RememberedOrder[] = [];
    for (const order of state.orders.filter((remembered) => remembered.status === 'pending')) {
      const view = await client.order(order.id).catch(() => null);
      order.status = view?.status ?? 'expired';
      const fresh = Date.parse(order.expiresAt) - Date.now() > REUSE_MARGIN_MS;
      const stillNeeded = order.pixels.every(([x, y]) => neededKeys.has(positionKey(x, y)));
      if (order.status === 'pending' && fresh && stillNeeded) reusable.push(order);
    }
    const covered = new Set(
      reusable.flatMap((order) => order.pixels.map(([x, y]) => positionKey(x, y))),
    );
    const fresh = needed.filter(([x, y]) => !covered.has(positionKey(x, y)));
    const batches = splitIntoOrders(fresh, settings.maxPixelsPerOrder);
    const totalPixels = needed.length;
    const priceSat = priceOf(totalPixels, settings.pricePerPixelSat);
    print(
      `${target.width}x${target.height} image at ${args.x},${args.y}: ${placed.length} pixels placed, ` +
        `${totalPixels} to buy for ${priceSat} sat in ${reusable.length + batches.length} order(s)` +
        (reusable.length > 0 ? ` (${reusable.length} unpaid from an earlier run reused)` : ''),
    );

    if (args.dryRun) {
      const base = path.basename(args.image, path.extname(args.image));
      const previewFile = path.join(stateDir, `${base}.boltboard-preview.png`);
      await writePreviewPng(target, settings.palette, previewFile);
      print(`preview written to ${previewFile}`);
      return { pixelsToBuy: totalPixels, priceSat, ordersPaid: 0, satSpent: 0, previewFile };
    }

    const context: BuyContext = {
      client,
      payer: createPayer(args.payment, client, print),
      // Never more than the price shown above, plus the --budget given for repairs.
      guard: new SpendingGuard({
        network: settings.network,
        pricePerPixelSat: settings.pricePerPixelSat,
        maxTotalSat: priceSat + (args.budgetSat ?? 0),
      }),
      state,
      save: () => saveDrawState(file, state),
      byline: { name: args.name, message: args.message },
      print,
    };
    await context.save();
    if (totalPixels > 0) print(`paying with ${context.payer.label}`);
    const progress = new DrawProgress(reusable.length + batches.length, totalPixels, print);
    const work: Array<RememberedOrder | WirePixel[]> = [...reusable, ...batches];
    for (const item of work) {
      if (args.maxOrders !== undefined && progress.ordersDone >= args.maxOrders) break;
      const order = Array.isArray(item) ? await createRememberedOrder(context, item) : item;
      const outcome = await payRememberedOrder(context, order);
      if (outcome === 'paid') progress.orderPaid(order.pixels.length, order.amountSat);
      else print(`order ${order.id} expired unpaid; run again to buy its pixels`);
    }
    if (args.keep) await keepDrawing(context, { placed, budgetSat: args.budgetSat ?? 0, settings });
    return {
      pixelsToBuy: totalPixels,
      priceSat,
      ordersPaid: progress.ordersDone,
      satSpent: progress.satSpent,
    };
  } finally {
    client.close();
  }
}
