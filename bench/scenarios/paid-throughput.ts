import type { BenchEnvironment } from '../support/environment';
import { freePort } from '../support/environment';
import { createOrders, forEachConcurrently, sleep, type BenchOrder } from '../support/orders';
import { startServerProcess } from '../support/server-process';
import { round, wallClockMs } from '../support/stats';
import { ViewerSwarm } from '../support/swarm';

export interface ThroughputResult {
  orders: number;
  pixelsPerOrder: number;
  seconds: number;
  ordersPerSecond: number;
  pixelsPerSecond: number;
  /** How fast the simulator alone settled them (if close to the result, it was the limit). */
  settleCallsPerSecond: number;
  viewers: number;
}

const SETTLE_CONCURRENCY = 64;

/**
 * Paid orders through the whole flow: invoices settled by the simulator as fast as it can,
 * streamed to the app, written, applied and broadcast; measured until a viewer has every pixel.
 */
export async function measurePaidThroughput(
  environment: BenchEnvironment,
  orderCount: number,
  pixelsPerOrder: number,
  viewers: number,
  /** Settle at this many orders a second (a sustained load); as fast as possible when omitted. */
  ordersPerSecondOffered?: number,
): Promise<ThroughputResult> {
  const server = await startServerProcess(await environment.serverEnv(), await freePort());
  const swarm = await ViewerSwarm.start(server.url, viewers, 1);
  const orders = await createOrders(server.url, orderCount, pixelsPerOrder);
  swarm.reset();
  const started = wallClockMs();
  if (ordersPerSecondOffered) {
    await settlePaced(environment, orders, ordersPerSecondOffered, started);
  } else {
    await forEachConcurrently(orders, SETTLE_CONCURRENCY, (order) =>
      environment.simulator.settleInvoice(order.paymentHash),
    );
  }
  const settled = wallClockMs();
  const expected = orderCount * pixelsPerOrder;
  const deadline = Date.now() + 120_000;
  let report = await swarm.report();
  while (report.pixelsReceived < expected && Date.now() < deadline) {
    await sleep(200);
    report = await swarm.report();
  }
  const finished = Math.max(...report.delivered.values());
  await swarm.stop();
  await server.stop();
  if (report.pixelsReceived < expected) {
    throw new Error(`viewers got ${report.pixelsReceived} of ${expected} pixels`);
  }
  const seconds = (finished - started) / 1000;
  return {
    orders: orderCount,
    pixelsPerOrder,
    seconds: round(seconds, 2),
    ordersPerSecond: round(orderCount / seconds, 0),
    pixelsPerSecond: round(expected / seconds, 0),
    settleCallsPerSecond: round(orderCount / ((settled - started) / 1000), 0),
    viewers,
  };
}

/** Settles order i at `started + i / rate` seconds, in ticks of 10 ms. */
async function settlePaced(
  environment: BenchEnvironment,
  orders: BenchOrder[],
  ordersPerSecond: number,
  started: number,
) {
  const inFlight: Promise<unknown>[] = [];
  let next = 0;
  while (next < orders.length) {
    const due = Math.min(
      orders.length,
      Math.floor(((wallClockMs() - started) / 1000) * ordersPerSecond) + 1,
    );
    for (; next < due; next++)
      inFlight.push(environment.simulator.settleInvoice(orders[next].paymentHash));
    await sleep(10);
  }
  await Promise.all(inFlight);
}
