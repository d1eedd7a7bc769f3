import * as lnService from 'ln-service';
import { ensureRegtestNetwork, regtestLnd } from '../../test/support/regtest';
import { freePort, type BenchEnvironment } from '../support/environment';
import { createOrders, forEachConcurrently, sleep } from '../support/orders';
import { startServerProcess } from '../support/server-process';
import { quantile, round, wallClockMs } from '../support/stats';
import { ViewerSwarm } from '../support/swarm';

export interface RealLndResult {
  lndVersion: string;
  /** One-pixel orders paid by the wallet node, `payers` payments in flight at once. */
  orders: number;
  payers: number;
  seconds: number;
  settledOrdersPerSecond: number;
  /** Payments sent one at a time: from `pay` called on the wallet to every viewer's pixel. */
  latencySamples: number;
  viewers: number;
  payToViewerP50Ms: number;
  payToViewerP99Ms: number;
  /** From the wallet holding the preimage (the shop settled) to every viewer's pixel. */
  preimageToViewerP50Ms: number;
  preimageToViewerP99Ms: number;
}

/** Far from the simulator's pixels, so each run's orders paint fresh keys. */
const FIRST_PIXEL = 500_000;

/**
 * The app on the regtest "shop" LND, paid from the "wallet" LND over their channel (as
 * `npm run regtest` sets them up; started here if not running, never stopped or reset).
 * Measures settled orders a second with several payers at once, and payment -> viewer latency.
 */
export async function measureRealLnd(
  environment: BenchEnvironment,
  plan: { orders: number; payers: number; latencySamples: number; viewers: number },
): Promise<RealLndResult> {
  const network = await ensureRegtestNetwork();
  const wallet = regtestLnd(network.wallet);
  const { version } = await lnService.getWalletInfo({ lnd: regtestLnd(network.shop) });
  const env = await environment.serverEnv({
    LND_GRPC_HOST: network.shop.grpcHost,
    LND_CERT: network.shop.cert,
    LND_MACAROON: network.shop.adminMacaroon,
  });
  const server = await startServerProcess(env, await freePort());
  const swarm = await ViewerSwarm.start(server.url, plan.viewers, 1);
  try {
    // Latency: one payment at a time, each its own broadcast.
    const samples = await createOrders(server.url, plan.latencySamples, 1, FIRST_PIXEL);
    const payToViewer: number[] = [];
    const preimageToViewer: number[] = [];
    const sentAt = new Map<string, [number, number]>();
    for (const order of samples) {
      const requestedAt = wallClockMs();
      await lnService.pay({ lnd: wallet, request: order.paymentRequest });
      sentAt.set(order.key, [requestedAt, wallClockMs()]);
      await sleep(50);
    }
    await sleep(1000);
    const delivered = (await swarm.report()).delivered;
    for (const [key, [requestedAt, preimageAt]] of sentAt) {
      const at = delivered.get(key);
      if (at === undefined) continue;
      payToViewer.push(at - requestedAt);
      preimageToViewer.push(at - preimageAt);
    }
    if (payToViewer.length < samples.length)
      throw new Error(`viewers got ${payToViewer.length} of ${samples.length} paid pixels`);

    // Throughput: all orders created first, then paid by `payers` at once.
    const orders = await createOrders(
      server.url,
      plan.orders,
      1,
      FIRST_PIXEL + plan.latencySamples,
    );
    swarm.reset();
    const started = wallClockMs();
    await forEachConcurrently(orders, plan.payers, (order) =>
      lnService.pay({ lnd: wallet, request: order.paymentRequest }),
    );
    const deadline = Date.now() + 60_000;
    let report = await swarm.report();
    while (report.pixelsReceived < plan.orders && Date.now() < deadline) {
      await sleep(100);
      report = await swarm.report();
    }
    if (report.pixelsReceived < plan.orders)
      throw new Error(`viewers got ${report.pixelsReceived} of ${plan.orders} paid pixels`);
    const seconds = (Math.max(...report.delivered.values()) - started) / 1000;
    return {
      lndVersion: version.split(' ')[0],
      orders: plan.orders,
      payers: plan.payers,
      seconds: round(seconds, 2),
      settledOrdersPerSecond: round(plan.orders / seconds, 1),
      latencySamples: samples.length,
      viewers: plan.viewers,
      payToViewerP50Ms: round(quantile(payToViewer, 0.5), 1),
      payToViewerP99Ms: round(quantile(payToViewer, 0.99), 1),
      preimageToViewerP50Ms: round(quantile(preimageToViewer, 0.5), 1),
      preimageToViewerP99Ms: round(quantile(preimageToViewer, 0.99), 1),
    };
  } finally {
    await swarm.stop();
    await server.stop();
  }
}
