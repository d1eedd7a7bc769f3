// `npm run bench [-- --quick] [-- --only name,name]`: the performance figures of the README,
// measured against real server processes (API only) with load from separate processes.
// Prints a table, then one JSON object as the last line.
import os from 'node:os';
import { measureClusterLatency, type ClusterLatencyResult } from './scenarios/cluster-latency';
import { measureColdStart, type ColdStartResult } from './scenarios/cold-start';
import { measurePaidThroughput, type ThroughputResult } from './scenarios/paid-throughput';
import { measurePngRender, type PngResult } from './scenarios/png-render';
import { measureSettleLatency, type LatencyResult } from './scenarios/settle-latency';
import { measureViewerCapacity, type ViewerCapacityResult } from './scenarios/viewer-capacity';
import { BenchEnvironment } from './support/environment';
import { round } from './support/stats';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const wanted = (name: string) => only === null || only.has(name);

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
  try {
    if (wanted('png')) {
      log('png: rendering the board...');
      const png: PngResult = await measurePngRender(plan.pngRuns);
      Object.assign(figures, png, {
        pngVsSharpRgbaRatio: round(png.png1000Ms / png.sharpRgba1000Ms, 3),
      });
      table.push(['1000x1000 PNG (ms)', String(png.png1000Ms), '<= 10']);
      table.push(['2000x2000 PNG (ms)', String(png.png2000Ms), '<= 40']);
    }
    if (wanted('latency')) {
      const runs: LatencyResult[] = [];
      for (const viewers of plan.latencyViewers) {
        log(`latency: ${viewers} viewers...`);
        runs.push(await measureSettleLatency(environment, viewers, plan.latencySamples));
      }
      const last = runs[runs.length - 1];
      Object.assign(figures, {
        settleToViewerP50Ms: last.p50Ms,
        settleToViewerP99Ms: last.p99Ms,
        viewers: last.viewers,
        latencyRuns: runs,
        settleToViewerP99VsBareSocketIoRatio: round(last.p99Ms / last.bareP99Ms, 2),
      });
      for (const run of runs) {
        table.push([
          `settle->viewer p99, ${run.viewers} viewers (ms)`,
          `${run.p99Ms} (bare ${run.bareP99Ms}; settle <= ${run.serverSettleP99Ms})`,
          run.viewers === 5000 ? '<= 50' : '',
        ]);
      }
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
    if (wanted('coldstart')) {
      log(`cold start: ${plan.events} pixel events...`);
      const result: ColdStartResult = await measureColdStart(environment, plan.events);
      Object.assign(figures, {
        coldStart10MEventsMs: result.coldStartMs,
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
