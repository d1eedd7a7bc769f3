import { freePort, type BenchEnvironment } from '../support/environment';
import { createOrders, sleep } from '../support/orders';
import { startServerProcess } from '../support/server-process';
import { round } from '../support/stats';
import { ViewerSwarm } from '../support/swarm';

export interface ViewerCapacityResult {
  viewersPerProcess: number;
  rssMbIdle: number;
  rssMbAt10kViewers: number;
  /** Did one paid pixel reach every one of them? */
  broadcastReachedAll: boolean;
}

/** Connects `viewers` socket.io clients to one server process and reads its memory. */
export async function measureViewerCapacity(
  environment: BenchEnvironment,
  viewers: number,
): Promise<ViewerCapacityResult> {
  const server = await startServerProcess(await environment.serverEnv(), await freePort());
  const rssMbIdle = server.rssMb();
  const swarm = await ViewerSwarm.start(server.url, viewers, 4);
  const [order] = await createOrders(server.url, 1, 1);
  await environment.simulator.settleInvoice(order.paymentHash);
  await sleep(2000);
  const report = await swarm.report();
  const rss = server.rssMb();
  await swarm.stop();
  await server.stop();
  return {
    viewersPerProcess: viewers,
    rssMbIdle: round(rssMbIdle, 0),
    rssMbAt10kViewers: round(rss, 0),
    broadcastReachedAll: report.delivered.has(order.key),
  };
}
