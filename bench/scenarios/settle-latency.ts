import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort, type BenchEnvironment } from '../support/environment';
import { createOrders, sleep } from '../support/orders';
import { startServerProcess } from '../support/server-process';
import { histogramQuantile } from '../support/metrics';
import { quantile, round, wallClockMs } from '../support/stats';
import { ViewerSwarm } from '../support/swarm';

export interface LatencyResult {
  viewers: number;
  /** Payment notice to change committed and applied, inside the server (histogram bucket bound). */
  serverSettleP99Ms: number | null;
  samples: number;
  lost: number;
  p50Ms: number;
  p99Ms: number;
  bareP50Ms: number;
  bareP99Ms: number;
}

const VIEWER_PROCESSES = 2;
// Far enough apart that each sample is its own broadcast: this measures latency, not a backlog.
const SAMPLE_INTERVAL_MS = 100;

/**
 * Time from the simulator settling an invoice to the last of `viewers` viewers receiving its
 * pixel; and the same for a bare socket.io broadcast of the same message (the floor).
 */
export async function measureSettleLatency(
  environment: BenchEnvironment,
  viewers: number,
  samples: number,
): Promise<LatencyResult> {
  const { latencies: ours, serverSettleP99Ms } = await measureDelivery(environment, {
    instances: 1,
    viewersPerInstance: viewers,
    samples,
  });
  const bare = await measureBareSocketIo(viewers, samples);
  return {
    viewers,
    serverSettleP99Ms,
    samples,
    lost: samples - ours.length,
    p50Ms: round(quantile(ours, 0.5), 2),
    p99Ms: round(quantile(ours, 0.99), 2),
    bareP50Ms: round(quantile(bare, 0.5), 2),
    bareP99Ms: round(quantile(bare, 0.99), 2),
  };
}

/**
 * Settles `samples` one-pixel orders one by one and returns, for each, the time from the
 * simulator settling it to the last viewer of any instance receiving it. With several
 * instances they share one database through the cluster adapter.
 */
export async function measureDelivery(
  environment: BenchEnvironment,
  plan: { instances: number; viewersPerInstance: number; samples: number },
): Promise<{ latencies: number[]; serverSettleP99Ms: number | null }> {
  const env = await environment.serverEnv(
    plan.instances > 1 ? { CLUSTER_ADAPTER: 'postgres' } : {},
  );
  const servers = [];
  for (let i = 0; i < plan.instances; i++)
    servers.push(await startServerProcess(env, await freePort()));
  const processes = plan.instances > 1 ? 1 : VIEWER_PROCESSES;
  const swarms = await Promise.all(
    servers.map((server) => ViewerSwarm.start(server.url, plan.viewersPerInstance, processes)),
  );
  const orders = await createOrders(servers[0].url, plan.samples, 1);
  const settledAt = new Map<string, number>();
  for (const order of orders) {
    settledAt.set(order.key, wallClockMs());
    await environment.simulator.settleInvoice(order.paymentHash);
    await sleep(SAMPLE_INTERVAL_MS);
  }
  await sleep(1000);
  const reports = await Promise.all(swarms.map((swarm) => swarm.report()));
  const deliveredAt = new Map<string, number>();
  for (const key of settledAt.keys()) {
    const times = reports.map((report) => report.delivered.get(key));
    if (times.every((time) => time !== undefined))
      deliveredAt.set(key, Math.max(...(times as number[])));
  }
  const settleP99 = await histogramQuantile(servers[0].url, 'boltboard_settle_seconds', 0.99);
  for (const swarm of swarms) await swarm.stop();
  for (const server of servers) await server.stop();
  return {
    latencies: latencies(settledAt, deliveredAt),
    serverSettleP99Ms: settleP99 === null ? null : settleP99 * 1000,
  };
}

async function measureBareSocketIo(viewers: number, samples: number): Promise<number[]> {
  const port = await freePort();
  const child = fork(path.join(__dirname, '..', 'bare-socketio-server.ts'), [String(port)], {
    execArgv: ['--import', 'tsx'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  const url = `http://localhost:${port}`;
  const swarm = await ViewerSwarm.start(url, viewers, VIEWER_PROCESSES);
  const sentAt = new Map<string, number>();
  for (let i = 0; i < samples; i++) {
    const key = `${i},7`;
    sentAt.set(key, wallClockMs());
    await fetch(`${url}/emit?key=${key}`);
    await sleep(SAMPLE_INTERVAL_MS);
  }
  await sleep(1000);
  const result = latencies(sentAt, (await swarm.report()).delivered);
  await swarm.stop();
  child.kill();
  return result;
}

function latencies(startedAt: Map<string, number>, deliveredAt: Map<string, number>): number[] {
  const result: number[] = [];
  for (const [key, start] of startedAt) {
    const delivered = deliveredAt.get(key);
    if (delivered !== undefined) result.push(delivered - start);
  }
  return result;
}
