import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort, type BenchEnvironment } from '../support/environment';
import { createOrders, sleep } from '../support/orders';
import { startServerProcess } from '../support/server-process';
import { histogramMean, histogramQuantile } from '../support/metrics';
import { processCpuMs, processRunQueueWaitMs } from '../support/process-cpu';
import { quantile, round, wallClockMs } from '../support/stats';
import { ViewerSwarm } from '../support/swarm';

export interface LatencyResult {
  viewers: number;
  /** Payment notice to change committed and applied, inside the server, mean over the samples. */
  settleCommitMeanMs: number | null;
  /** The same, the upper bound of the histogram bucket holding its 99th percentile. */
  settleCommitP99BucketMs: number | null;
  samples: number;
  lost: number;
  /** From the simulator's settle resolving (settled, fdatasync'ed, streamed) to the last viewer. */
  p50Ms: number;
  p99Ms: number;
  /**
   * The simulator's own part, before `p50Ms` starts: settle called -> settled durably (its
   * journal's fdatasync on this machine's disk). Real LND has its own (see the real-LND run).
   */
  nodeSettleP50Ms: number;
  nodeSettleP99Ms: number;
  /** Settle called -> last viewer: `p99Ms` with the node's part. */
  p99FromSettleCallMs: number;
  bareP50Ms: number;
  bareP99Ms: number;
  p50VsBareRatio: number;
  p99VsBareRatio: number;
  /**
   * Server CPU (user + system) over its turns (its samples and the pause after each block), per
   * sample delivered to a viewer (a sample's message may carry other changes too).
   */
  cpuUsPerViewerMessage: number;
  bareCpuUsPerViewerMessage: number;
  /**
   * Per sample, over its turns, how long the server's main thread was ready to run but waited
   * for a core (the two cores are shared with the viewers, PostgreSQL and the simulator): high
   * when a slow settle commit or delivery is the machine's load rather than the server's work.
   */
  serverRunQueueWaitMsPerSample: number;
  /** Bare socket.io on each WebSocket engine that could be loaded, measured in the same rounds. */
  bareEngines: BareEngineResult[];
}

export interface BareEngineResult {
  engine: BareEngine;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerViewerMessage: number;
}

/** What one delivery run measured. */
export interface DeliveryResult {
  latencies: number[];
  serverSettleP99Ms: number | null;
  serverSettleMeanMs: number | null;
  /** CPU of the first server process from the first settle to the end of the run. */
  serverCpuMs: number;
  /** The same span: time its main thread waited for a core. */
  serverRunQueueWaitMs: number;
}

const VIEWER_PROCESSES = 2;
/**
 * Time between samples: far enough apart that each is its own broadcast, delivered before the
 * next starts (viewers on these same cores decode about 15 messages a millisecond), so a run
 * measures latency, not a backlog.
 */
const sampleIntervalMs = (viewers: number) => Math.max(100, Math.round(viewers / 15));
/** Turns each server takes in a latency run (A, B, A, B, ...), and the pause after each turn. */
const BLOCKS = 4;
const BLOCK_GAP_MS = 1000;

/**
 * WebSocket engines the bare server is measured on. `ws` is engine.io's default as installed;
 * `ws-native` is `ws` with its optional native addon `bufferutil` (masking; `utf-8-validate` is
 * not loaded on Node >= 18.14, which has `buffer.isUtf8`), measured only where it is installed.
 * eiows, the native engine socket.io documents, is not a candidate on Node 20: version 11 refuses
 * Node < 22 at install, version 9 clones Node's source from GitHub to build.
 */
type BareEngine = 'ws' | 'ws-native';

/**
 * Time from the simulator settling an invoice to the last of `viewers` viewers receiving its
 * pixel; and the same for a bare socket.io broadcast of the same message (the floor). The
 * servers run side by side, each with its own viewers, and take turns in blocks of samples
 * (Boltboard, bare, Boltboard, bare, ...), so load from elsewhere on the machine falls on all
 * of them alike; a pause after each block keeps one server's last fan-out out of the next's.
 */
export async function measureSettleLatency(
  environment: BenchEnvironment,
  viewers: number,
  samples: number,
): Promise<LatencyResult> {
  const server = await startServerProcess(await environment.serverEnv({}), await freePort());
  const swarm = await ViewerSwarm.start(server.url, viewers, VIEWER_PROCESSES);
  const engines: BareEngine[] = nativeAddonInstalled() ? ['ws', 'ws-native'] : ['ws'];
  const bares: BareServer[] = [];
  for (const engine of engines) bares.push(await startBareSocketIo(engine, viewers));
  const orders = await createOrders(server.url, samples, 1);
  const settles = new NodeSettles();
  // CPU and waits are counted over each server's own turns (its samples and the pause after),
  // so its idle work while the others take theirs (pings, timers) is not charged to it.
  let serverCpuMs = 0;
  let serverWaitMs = 0;
  const interval = sampleIntervalMs(viewers);
  for (let block = 0; block < BLOCKS; block++) {
    const from = Math.floor((block * samples) / BLOCKS);
    const to = Math.floor(((block + 1) * samples) / BLOCKS);
    const cpuBefore = processCpuMs(server.pid);
    const waitBefore = processRunQueueWaitMs(server.pid);
    for (const order of orders.slice(from, to)) {
      await settles.settle(environment, order);
      await sleep(interval);
    }
    await sleep(BLOCK_GAP_MS);
    serverCpuMs += processCpuMs(server.pid) - cpuBefore;
    serverWaitMs += processRunQueueWaitMs(server.pid) - waitBefore;
    for (const bare of bares) {
      const bareCpuBefore = processCpuMs(bare.pid);
      for (let i = from; i < to; i++) {
        await bare.emit(`${i},7`);
        await sleep(interval);
      }
      await sleep(BLOCK_GAP_MS);
      bare.cpuMs += processCpuMs(bare.pid) - bareCpuBefore;
    }
  }
  const delivered = (await swarm.report()).delivered;
  const ours = latencies(settles.settledAt, delivered);
  const fromCall = latencies(settles.calledAt, delivered);
  const nodeSettle = latencies(settles.calledAt, settles.settledAt);
  const settleP99 = await histogramQuantile(server.url, 'boltboard_settle_seconds', 0.99);
  const settleMean = await histogramMean(server.url, 'boltboard_settle_seconds');
  const bareEngines: BareEngineResult[] = [];
  for (const bare of bares) bareEngines.push(await bare.finish(samples * viewers));
  await swarm.stop();
  await server.stop();
  const p50Ms = round(quantile(ours, 0.5), 2);
  const p99Ms = round(quantile(ours, 0.99), 2);
  const floor = bareEngines[0];
  return {
    viewers,
    settleCommitMeanMs: settleMean === null ? null : round(settleMean * 1000, 2),
    settleCommitP99BucketMs: settleP99 === null ? null : round(settleP99 * 1000, 2),
    samples,
    lost: samples - ours.length,
    p50Ms,
    p99Ms,
    nodeSettleP50Ms: round(quantile(nodeSettle, 0.5), 2),
    nodeSettleP99Ms: round(quantile(nodeSettle, 0.99), 2),
    p99FromSettleCallMs: round(quantile(fromCall, 0.99), 2),
    bareP50Ms: floor.p50Ms,
    bareP99Ms: floor.p99Ms,
    p50VsBareRatio: round(p50Ms / floor.p50Ms, 2),
    p99VsBareRatio: round(p99Ms / floor.p99Ms, 2),
    cpuUsPerViewerMessage: round((serverCpuMs * 1000) / (samples * viewers), 2),
    bareCpuUsPerViewerMessage: floor.cpuUsPerViewerMessage,
    serverRunQueueWaitMsPerSample: round(serverWaitMs / samples, 2),
    bareEngines,
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
): Promise<{
  viewers: number;
  meanMs: number | null;
  p99BucketMs: number | null;
  serverRunQueueWaitMsPerSample: number;
}> {
  const result = await measureDelivery(environment, {
    instances: 1,
    viewersPerInstance: viewers,
    samples,
  });
  return {
    viewers,
    meanMs: result.serverSettleMeanMs === null ? null : round(result.serverSettleMeanMs, 2),
    p99BucketMs: result.serverSettleP99Ms,
    serverRunQueueWaitMsPerSample: round(result.serverRunQueueWaitMs / samples, 2),
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
  const settles = new NodeSettles();
  const cpuBefore = processCpuMs(servers[0].pid);
  const waitBefore = processRunQueueWaitMs(servers[0].pid);
  for (const order of orders) {
    await settles.settle(environment, order);
    await sleep(sampleIntervalMs(plan.instances * plan.viewersPerInstance));
  }
  await sleep(1000);
  const serverCpuMs = processCpuMs(servers[0].pid) - cpuBefore;
  const serverRunQueueWaitMs = processRunQueueWaitMs(servers[0].pid) - waitBefore;
  const reports = await Promise.all(swarms.map((swarm) => swarm.report()));
  const deliveredAt = new Map<string, number>();
  for (const key of settles.settledAt.keys()) {
    const times = reports.map((report) => report.delivered.get(key));
    if (times.every((time) => time !== undefined))
      deliveredAt.set(key, Math.max(...(times as number[])));
  }
  const settleP99 = await histogramQuantile(servers[0].url, 'boltboard_settle_seconds', 0.99);
  const settleMean = await histogramMean(servers[0].url, 'boltboard_settle_seconds');
  for (const swarm of swarms) await swarm.stop();
  for (const server of servers) await server.stop();
  return {
    latencies: latencies(settles.settledAt, deliveredAt),
    serverSettleP99Ms: settleP99 === null ? null : settleP99 * 1000,
    serverSettleMeanMs: settleMean === null ? null : settleMean * 1000,
    serverCpuMs,
    serverRunQueueWaitMs,
  };
}

/**
 * Settles orders on the simulator and keeps, per order key, when the settle was called and when
 * it resolved: the node has then settled it durably and queued it on the invoice stream, the
 * moment "the node confirms the payment" from which delivery is timed. The gap is the node's own
 * disk write, which Boltboard cannot shorten (and which bare socket.io has no counterpart for).
 */
class NodeSettles {
  readonly calledAt = new Map<string, number>();
  readonly settledAt = new Map<string, number>();

  async settle(
    environment: BenchEnvironment,
    order: { key: string; paymentHash: string },
  ): Promise<void> {
    this.calledAt.set(order.key, wallClockMs());
    if (!(await environment.simulator.settleInvoice(order.paymentHash)))
      throw new Error(`the simulator refused to settle order ${order.key}`);
    this.settledAt.set(order.key, wallClockMs());
  }
}

interface BareServer {
  pid: number;
  /** CPU used in its turns so far. */
  cpuMs: number;
  emit(key: string): Promise<void>;
  /** Stops it and its viewers; what they measured, CPU per viewer-message over `messages`. */
  finish(messages: number): Promise<BareEngineResult>;
}

/** A bare socket.io server on `engine` with `viewers` viewers of its own, ready to emit. */
async function startBareSocketIo(engine: BareEngine, viewers: number): Promise<BareServer> {
  const port = await freePort();
  const native = engine === 'ws-native';
  const child = fork(path.join(__dirname, '..', 'bare-socketio-server.ts'), [String(port)], {
    execArgv: ['--import', 'tsx'],
    env: native
      ? omit(process.env, ['WS_NO_BUFFER_UTIL', 'WS_NO_UTF_8_VALIDATE'])
      : { ...process.env, WS_NO_BUFFER_UTIL: '1', WS_NO_UTF_8_VALIDATE: '1' },
  });
  await new Promise((resolve) => child.once('message', resolve));
  const url = `http://localhost:${port}`;
  const swarm = await ViewerSwarm.start(url, viewers, VIEWER_PROCESSES);
  const sentAt = new Map<string, number>();
  const bare: BareServer = {
    pid: child.pid!,
    cpuMs: 0,
    emit: async (key) => {
      sentAt.set(key, wallClockMs());
      await fetch(`${url}/emit?key=${key}`);
    },
    finish: async (messages) => {
      const result = latencies(sentAt, (await swarm.report()).delivered);
      await swarm.stop();
      child.kill();
      return {
        engine,
        p50Ms: round(quantile(result, 0.5), 2),
        p99Ms: round(quantile(result, 0.99), 2),
        cpuUsPerViewerMessage: round((bare.cpuMs * 1000) / messages, 2),
      };
    },
  };
  return bare;
}

/** Whether `ws`, as engine.io loads it, finds its optional native addon `bufferutil`. */
function nativeAddonInstalled(): boolean {
  try {
    const ws = require.resolve('ws', { paths: [require.resolve('engine.io')] });
    require.resolve('bufferutil', { paths: [path.dirname(ws)] });
    return true;
  } catch {
    return false;
  }
}

function omit(env: NodeJS.ProcessEnv, keys: string[]): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of keys) delete copy[key];
  return copy;
}

function latencies(startedAt: Map<string, number>, deliveredAt: Map<string, number>): number[] {
  const result: number[] = [];
  for (const [key, start] of startedAt) {
    const delivered = deliveredAt.get(key);
    if (delivered !== undefined) result.push(delivered - start);
  }
  return result;
}
