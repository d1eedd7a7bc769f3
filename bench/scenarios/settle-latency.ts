import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort, type BenchEnvironment } from '../support/environment';
import { createOrders, sleep } from '../support/orders';
import { startServerProcess } from '../support/server-process';
import { histogramMean, histogramQuantile } from '../support/metrics';
import { processCpuMs } from '../support/process-cpu';
import { quantile, round, wallClockMs } from '../support/stats';
import { ViewerSwarm } from '../support/swarm';

export interface LatencyResult {
  viewers: number;
  /** Payment notice to change committed and applied, inside the server (histogram bucket bound). */
  serverSettleP99Ms: number | null;
  /** The same, mean over the samples (histogram sum / count). */
  serverSettleMeanMs: number | null;
  samples: number;
  lost: number;
  p50Ms: number;
  p99Ms: number;
  bareP50Ms: number;
  bareP99Ms: number;
  p50VsBareRatio: number;
  p99VsBareRatio: number;
  /** Server CPU (user + system) while the samples went out, per message delivered to a viewer. */
  cpuUsPerViewerMessage: number;
  bareCpuUsPerViewerMessage: number;
}

/** What one delivery run measured. */
export interface DeliveryResult {
  latencies: number[];
  serverSettleP99Ms: number | null;
  serverSettleMeanMs: number | null;
  /** CPU of the first server process from the first settle to the end of the run. */
  serverCpuMs: number;
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
  const ours = await measureDelivery(environment, {
    instances: 1,
    viewersPerInstance: viewers,
    samples,
  });
  const bare = await measureBareSocketIo(viewers, samples);
  const p50Ms = round(quantile(ours.latencies, 0.5), 2);
  const p99Ms = round(quantile(ours.latencies, 0.99), 2);
  const bareP50Ms = round(quantile(bare.latencies, 0.5), 2);
  const bareP99Ms = round(quantile(bare.latencies, 0.99), 2);
  const viewerMessages = samples * viewers;
  return {
    viewers,
    serverSettleP99Ms: ours.serverSettleP99Ms,
    serverSettleMeanMs: ours.serverSettleMeanMs,
    samples,
    lost: samples - ours.latencies.length,
    p50Ms,
    p99Ms,
    bareP50Ms,
    bareP99Ms,
    p50VsBareRatio: round(p50Ms / bareP50Ms, 2),
    p99VsBareRatio: round(p99Ms / bareP99Ms, 2),
    cpuUsPerViewerMessage: round((ours.serverCpuMs * 1000) / viewerMessages, 2),
    bareCpuUsPerViewerMessage: round((bare.serverCpuMs * 1000) / viewerMessages, 2),
  };
}

/**
 * A paid pixel's settlement inside the server (payment notice to committed and applied) with
 * `viewers` connected: does it wait for fan-out? Same pacing as the latency samples.
 */
export async function measureSettleWithViewers(
  environment: BenchEnvironment,
  viewers: number,
  samples: number,
): Promise<{ viewers: number; meanMs: number | null; p99BucketMs: number | null }> {
  const result = await measureDelivery(environment, {
    instances: 1,
    viewersPerInstance: viewers,
    samples,
  });
  return {
    viewers,
    meanMs: result.serverSettleMeanMs === null ? null : round(result.serverSettleMeanMs, 2),
    p99BucketMs: result.serverSettleP99Ms,
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
): Promise<DeliveryResult> {
  const env = await environment.serverEnv(
    plan.instances > 1 ? { CLUSTER_ADAPTER: 'postgres' } : {},
  );
  const servers = [];
  for (let i = 0; i < plan.instances; i++)
    servers.push(await startServerProcess(env, await freePort()));
  const processes = plan.instances > 1 || plan.viewersPerInstance === 0 ? 1 : VIEWER_PROCESSES;
  const swarms = await Promise.all(
    servers.map((server) => ViewerSwarm.start(server.url, plan.viewersPerInstance, processes)),
  );
  const orders = await createOrders(servers[0].url, plan.samples, 1);
  const settledAt = new Map<string, number>();
  const cpuBefore = processCpuMs(servers[0].pid);
  for (const order of orders) {
    settledAt.set(order.key, wallClockMs());
    await environment.simulator.settleInvoice(order.paymentHash);
    await sleep(SAMPLE_INTERVAL_MS);
  }
  await sleep(1000);
  const serverCpuMs = processCpuMs(servers[0].pid) - cpuBefore;
  const reports = await Promise.all(swarms.map((swarm) => swarm.report()));
  const deliveredAt = new Map<string, number>();
  for (const key of settledAt.keys()) {
    const times = reports.map((report) => report.delivered.get(key));
    if (times.every((time) => time !== undefined))
      deliveredAt.set(key, Math.max(...(times as number[])));
  }
  const settleP99 = await histogramQuantile(servers[0].url, 'boltboard_settle_seconds', 0.99);
  const settleMean = await histogramMean(servers[0].url, 'boltboard_settle_seconds');
  for (const swarm of swarms) await swarm.stop();
  for (const server of servers) await server.stop();
  return {
    latencies: latencies(settledAt, deliveredAt),
    serverSettleP99Ms: settleP99 === null ? null : settleP99 * 1000,
    serverSettleMeanMs: settleMean === null ? null : settleMean * 1000,
    serverCpuMs,
  };
}

async function measureBareSocketIo(
  viewers: number,
  samples: number,
): Promise<{ latencies: number[]; serverCpuMs: number }> {
  const port = await freePort();
  const child = fork(path.join(__dirname, '..', 'bare-socketio-server.ts'), [String(port)], {
    execArgv: ['--import', 'tsx'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  const url = `http://localhost:${port}`;
  const swarm = await ViewerSwarm.start(url, viewers, VIEWER_PROCESSES);
  const sentAt = new Map<string, number>();
  const cpuBefore = processCpuMs(child.pid!);
  for (let i = 0; i < samples; i++) {
    const key = `${i},7`;
    sentAt.set(key, wallClockMs());
    await fetch(`${url}/emit?key=${key}`);
    await sleep(SAMPLE_INTERVAL_MS);
  }
  await sleep(1000);
  const serverCpuMs = processCpuMs(child.pid!) - cpuBefore;
  const result = latencies(sentAt, (await swarm.report()).delivered);
  await swarm.stop();
  child.kill();
  return { latencies: result, serverCpuMs };
}

function latencies(startedAt: Map<string, number>, deliveredAt: Map<string, number>): number[] {
  const result: number[] = [];
  for (const [key, start] of startedAt) {
    const delivered = deliveredAt.get(key);
    if (delivered !== undefined) result.push(delivered - start);
  }
  return result;
}
