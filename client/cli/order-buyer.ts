import type { WirePixel } from '../../protocol/changes';
import type { BoltboardClient } from '../boltboard-client';
import { BoltboardApiError } from '../http-api';
import type { DrawState, RememberedOrder } from './draw-state';
import type { Payer } from './payers';
import type { SpendingGuard } from './spending-guard';

export interface BuyContext {
  client: BoltboardClient;
  payer: Payer;
  /** Decodes and checks every invoice before it is paid. */
  guard: SpendingGuard;
  state: DrawState;
  save: () => Promise<void>;
  byline: { name?: string; message?: string };
  print: (line: string) => void;
}

const MAX_RATE_LIMIT_WAITS = 20;

/**
 * Creates an order for `pixels` (waiting out rate limits) and remembers it in the resume file
 * before anything is paid, so a re-run reuses it instead of buying the pixels again.
 */
export async function createRememberedOrder(
  context: BuyContext,
  pixels: WirePixel[],
): Promise<RememberedOrder> {
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await context.client.createOrder({
        pixels: pixels.map(([x, y, color]) => ({ x, y, color })),
        ...context.byline,
      });
      const order: RememberedOrder = {
        id: created.id,
        paymentRequest: created.paymentRequest,
        expiresAt: created.expiresAt,
        amountSat: created.amountSat,
        status: 'pending',
        pixels,
      };
      context.state.orders.push(order);
      await context.save();
      return order;
    } catch (error) {
      const limited =
        error instanceof BoltboardApiError &&
        (error.code === 'rate_limited' || error.code === 'too_many_open_orders');
      if (!limited || attempt >= MAX_RATE_LIMIT_WAITS) throw error;
      const seconds = error.retryAfterSeconds ?? 5;
      context.print(`${error.message} Waiting ${seconds}s.`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/**
 * Pays a remembered order and waits until the server says it is paid (or it expired);
 * records the outcome in the resume file. Resolves with the final status.
 */
export async function payRememberedOrder(
  context: BuyContext,
  order: RememberedOrder,
): Promise<'paid' | 'expired'> {
  const expiresInMs = Date.parse(order.expiresAt) - Date.now();
  const waiting = new AbortController();
  const paid = context.client.waitForOrder(order.id, {
    timeoutMs: Math.max(expiresInMs, 0) + 30_000,
    signal: waiting.signal,
  });
  paid.catch(() => undefined); // observed below, or abandoned when paying fails
  let approvedSat: number;
  try {
    approvedSat = context.guard.approve(order.paymentRequest, order.pixels.length);
  } catch (error) {
    waiting.abort();
    throw error;
  }
  try {
    await context.payer.pay(order.paymentRequest, approvedSat);
  } catch (error) {
    // Paying may fail while the order was paid after all (an earlier attempt): ask the server.
    const view = await context.client.order(order.id);
    if (view.status !== 'paid') {
      context.guard.release(approvedSat);
      waiting.abort();
      throw error;
    }
  }
  const view = await paid;
  order.status = view.status === 'paid' ? 'paid' : 'expired';
  await context.save();
  return order.status;
}
