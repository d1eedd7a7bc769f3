// `npm run bench [-- --quick] [-- --only=name,name] [-- --no-real-lnd]`: the performance
// figures of the README, measured against real server processes (API only) with load from
// separate processes. Prints a table, then one JSON object as the last line. The real-LND
// scenario starts the regtest network (`npm run regtest`) if it is not running; only
// --no-real-lnd leaves it out, and says so.
import os from 'node:os';
import { measureClusterLatency, type ClusterLatencyResult } from './scenarios/cluster-latency';
import { measureColdStart, type ColdStartResult } from './scenarios/cold-start';
import { measurePaidThroughput, type ThroughputResult } from './scenarios/paid-throughput';
import { measurePngRender, type PngResult } from './scenarios/png-render';
import { measureRealLnd, type RealLndResult } from './scenarios/real-lnd';
import {
  measureSettleLatency,
  measureSettleWithViewers,
  type LatencyResult,
} from './scenarios/settle-latency';
import { measureViewerCapacity, type ViewerCapacityResult } from './scenarios/viewer-capacity';
import { BenchEnvironment } from './support/environment';
import { round } from './support/stats';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const noRealLnd = process.argv.includes('--no-real-lnd');
const wanted = (name: string) =>
  (only === null || only.has(name)) && !(name === 'reallnd' && noRealLnd);

const plan = quick
  ? {
      latencySamples: 40,
      latencyViewers: [1000, 5000],
      pixelOrders: 1800,
      pixelOrdersPerSecond: 600,
      burstOrders: 1500,
      singleOrders: 1500,
      viewers: 10_000,
      pngRuns: 10,
      events: 1_000_000,
      realLnd: { orders: 200, payers: 16, latencySamples: 20, viewers: 100 },
    }
  : {
      latencySamples: 150,
      latencyViewers: [1000, 5000],
      pixelOrders: 12_600,
      pixelOrdersPerSecond: 600,
      burstOrders: 6000,
      singleOrders: 8000,
      viewers: 10_000,
      pngRuns: 30,
      events: 10_000_000,
      realLnd: { orders: 1000, payers: 16, latencySamples: 60, viewers: 100 },
    };

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

async function main() {
  const figures: Record<string, unknown> = {
    mode: quick ? 'quick' : 'full',
    machine:
      `${os.cpus().length} cores, ${round(os.totalmem() / 2 ** 30, 0)} GiB, ${os.cpus()[0]?.model ?? ''}`.trim(),
    loadAverage: os.loadavg().map((value) => round(value, 2)),
  };
  const environment = await BenchEnvironment.start();
  const table: Array<[string, string, string]> = [];
  if (noRealLnd) {
    log('real LND: SKIPPED (--no-real-lnd): no figures through a real node in this run');
    figures.realLnd = 'skipped (--no-real-lnd)';
  }
  try {
    if (wanted('png')) {
      log('png: rendering the board...');
      const png: PngResult = await measurePngRender(plan.pngRuns);
      Object.assign(figures, png, {
        pngVsSharpRgbaRatio: round(png.png1000Ms / png.sharpRgba1000Ms, 3),
      });
      table.push([
        '1000x1000 PNG after an order / all new (ms)',
        `${png.png1000Ms} / ${png.png1000AllChangedMs}`,
        '<= 10 (aim 5)',
      ]);
      table.push([
        '2000x2000 PNG after an order / all new (ms)',
        `${png.png2000Ms} / ${png.png2000AllChangedMs}`,
        '<= 40',
      ]);
    }
    if (wanted('latency')) {
      const runs: LatencyResult[] = [];
      for (const viewers of plan.latencyViewers) {
        log(`latency: ${viewers} viewers...`);
        runs.push(await measureSettleLatency(environment, viewers, plan.latencySamples));
      }
      const last = runs[runs.length - 1];
      log('latency: settling with no viewer connected...');
      const alone = await measureSettleWithViewers(environment, 0, plan.latencySamples);
      const crowded = {
        viewers: last.viewers,
        meanMs: last.settleCommitMeanMs,
        p99BucketMs: last.settleCommitP99BucketMs,
        serverRunQueueWaitMsPerSample: last.serverRunQueueWaitMsPerSample,
      };
      Object.assign(figures, {
        settleToViewerP50Ms: last.p50Ms,
        settleToViewerP99Ms: last.p99Ms,
        viewers: last.viewers,
        latencyRuns: runs,
        settleToViewerP99VsBareSocketIoRatio: last.p99VsBareRatio,
        settleCommit: { withoutViewers: alone, withViewers: crowded },
      });
      for (const run of runs) {
        table.push([
          `settle->viewer p50 / p99, ${run.viewers} viewers (ms)`,
          `${run.p50Ms} / ${run.p99Ms} (bare ${run.bareP50Ms} / ${run.bareP99Ms})`,
          run.viewers === 5000 ? 'p99 <= 50' : '',
        ]);
        table.push([
          `  ratio to bare socket.io, p50 / p99`,
          `${run.p50VsBareRatio} / ${run.p99VsBareRatio}`,
          '<= 1.15',
        ]);
        table.push([
          `  before it: simulator settle, p50 / p99 (ms)`,
          `${run.nodeSettleP50Ms} / ${run.nodeSettleP99Ms} (settle called->viewer p99 ${run.p99FromSettleCallMs})`,
          '',
        ]);
        table.push([
          `  server CPU per viewer-message (us)`,
          `${run.cpuUsPerViewerMessage} (bare ${run.bareCpuUsPerViewerMessage})`,
          '',
        ]);
        for (const bare of run.bareEngines.slice(1))
          table.push([
            `  bare on ${bare.engine}: p50 / p99 (ms), CPU (us)`,
            `${bare.p50Ms} / ${bare.p99Ms}, ${bare.cpuUsPerViewerMessage}`,
            '',
          ]);
        table.push([
          `  settle commit mean (ms)`,
          `${run.settleCommitMeanMs} (p99 <= ${run.settleCommitP99BucketMs})`,
          '',
        ]);
        table.push([
          `  server waiting for a core, per sample (ms)`,
          String(run.serverRunQueueWaitMsPerSample),
          '',
        ]);
      }
      table.push([
        `settle commit mean, 0 / ${crowded.viewers} viewers (ms)`,
        `${alone.meanMs} / ${crowded.meanMs} (p99 <= ${alone.p99BucketMs} / ${crowded.p99BucketMs})`,
        'equal',
      ]);
      table.push([
        `  server waiting for a core, per sample (ms)`,
        `${alone.serverRunQueueWaitMsPerSample} / ${crowded.serverRunQueueWaitMsPerSample}`,
        '',
      ]);
    }
    if (wanted('pixels')) {
      log(
        `pixels: ${plan.pixelOrders} orders of 100 pixels, ${plan.pixelOrdersPerSecond} a second...`,
      );
      const sustained: ThroughputResult = await measurePaidThroughput(
        environment,
        plan.pixelOrders,
        100,
        20,
        plan.pixelOrdersPerSecond,
      );
      log(`pixels: a burst of ${plan.burstOrders} orders of 100 pixels...`);
      const burst: ThroughputResult = await measurePaidThroughput(
        environment,
        plan.burstOrders,
        100,
        20,
      );
      Object.assign(figures, {
        pixelsPerSecond: sustained.pixelsPerSecond,
        pixelThroughput: sustained,
        pixelsPerSecondBurst: burst.pixelsPerSecond,
        pixelBurst: burst,
      });
      table.push([
        `paid pixels/s sustained ${sustained.seconds} s`,
        `${sustained.pixelsPerSecond} of ${plan.pixelOrdersPerSecond * 100} offered`,
        '>= 50000',
      ]);
      table.push(['paid pixels/s, burst (max)', String(burst.pixelsPerSecond), '']);
    }
    if (wanted('orders')) {
      log(`orders: ${plan.singleOrders} orders of 1 pixel...`);
      const result: ThroughputResult = await measurePaidThroughput(
        environment,
        plan.singleOrders,
        1,
        20,
      );
      Object.assign(figures, { ordersPerSecond: result.ordersPerSecond, orderThroughput: result });
      table.push(['settled orders/s', String(result.ordersPerSecond), '>= 200']);
    }
    if (wanted('viewers')) {
      log(`viewers: ${plan.viewers} connected...`);
      const result: ViewerCapacityResult = await measureViewerCapacity(environment, plan.viewers);
      Object.assign(figures, result);
      table.push([
        `RSS with ${result.viewersPerProcess} viewers (MB)`,
        String(result.rssMbAt10kViewers),
        '< 500',
      ]);
    }
    if (wanted('cluster')) {
      log('cluster: 3 instances, 300 viewers each...');
      const result: ClusterLatencyResult = await measureClusterLatency(
        environment,
        3,
        300,
        plan.latencySamples,
      );
      Object.assign(figures, { clusterLatency: result });
      table.push([
        'settle->viewer p99, 3 instances x 300 (ms)',
        `${result.clusterP99Ms} (1 instance x 900: ${result.singleP99Ms})`,
        '',
      ]);
    }
    if (wanted('reallnd')) {
      const { orders, payers } = plan.realLnd;
      log(`real LND: ${orders} orders paid wallet -> shop on regtest, ${payers} at once...`);
      const result: RealLndResult = await measureRealLnd(environment, plan.realLnd);
      Object.assign(figures, { realLnd: result });
      table.push([
        `real LND ${result.lndVersion}: settled orders/s`,
        `${result.settledOrdersPerSecond} (${payers} payers)`,
        '',
      ]);
      table.push([
        'real LND: pay -> every viewer p50 / p99 (ms)',
        `${result.payToViewerP50Ms} / ${result.payToViewerP99Ms}`,
        '',
      ]);
      table.push([
        'real LND: preimage -> every viewer p50 / p99',
        `${result.preimageToViewerP50Ms} / ${result.preimageToViewerP99Ms}`,
        '',
      ]);
    }
    if (wanted('coldstart')) {
      log(`cold start: ${plan.events} pixel events...`);
      const result: ColdStartResult = await measureColdStart(environment, plan.events);
      // Named for what was replayed: 10 million events in a full run, 1 million in a quick one.
      Object.assign(figures, {
        [`coldStart${result.pixelEvents / 1_000_000}MEventsMs`]: result.coldStartMs,
        coldStartPixelEvents: result.pixelEvents,
        coldStart: result,
      });
      table.push([
        `cold start, ${result.pixelEvents} events (ms)`,
        String(result.coldStartMs),
        '<= 5000',
      ]);
    }
  } finally {
    await environment.stop();
  }
  log('');
  log(['figure'.padEnd(44), 'measured'.padEnd(30), 'target'].join(' '));
  for (const [name, value, target] of table)
    log([name.padEnd(44), value.padEnd(30), target].join(' '));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
