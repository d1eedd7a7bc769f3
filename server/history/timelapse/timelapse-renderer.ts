import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../app-error';
import { LruCache } from '../lru-cache';
import { planKey, type TimelapsePlan } from './timelapse-plan';
import type { TimelapseAnswer, TimelapseJob } from './timelapse-worker';

const WORKER_FILE = path.join(__dirname, 'timelapse-worker.ts');
// Workers start with plain Node: register tsx's require hook first, then load the TypeScript
// entry. Works the same under `tsx server/main.ts` and under vitest.
const WORKER_BOOTSTRAP = `require(${JSON.stringify(
  createRequire(WORKER_FILE).resolve('tsx/cjs/api'),
)}).register(); require(${JSON.stringify(WORKER_FILE)});`;
const RENDERS_KEPT = 8;
const MAX_WAITING = 4;

/**
 * Renders timelapses in a worker thread (never on the event loop), one at a time, at most
 * a few waiting (more: 429). Results are kept by plan: history never changes, so a plan
 * always renders the same bytes, and equal requests made meanwhile share one render.
 */
export class TimelapseRenderer {
  private readonly renders = new LruCache<string, Promise<Buffer>>(RENDERS_KEPT);
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly palette: string[],
  ) {}

  render(plan: TimelapsePlan): Promise<Buffer> {
    const key = planKey(plan);
    const kept = this.renders.get(key);
    if (kept) return kept;
    if (this.waiting >= MAX_WAITING) {
      throw new AppError(
        'rate_limited',
        'Timelapses are busy rendering; try again shortly.',
        429,
        10,
      );
    }
    this.waiting++;
    const job: TimelapseJob = { databaseUrl: this.databaseUrl, plan, palette: this.palette };
    const run = () => {
      this.waiting--;
      return renderInWorker(job);
    };
    const rendered = this.queue.then(run, run);
    this.queue = rendered.catch(() => undefined);
    this.renders.set(key, rendered);
    rendered.catch(() => this.renders.delete(key));
    return rendered;
  }
}

/** Runs one job in a fresh worker. */
function renderInWorker(job: TimelapseJob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: job });
    worker.unref(); // a render in progress never holds the process open at shutdown
    worker.once('message', (answer: TimelapseAnswer) => {
      if (answer.ok)
        resolve(Buffer.from(answer.webp.buffer, answer.webp.byteOffset, answer.webp.byteLength));
      else reject(new Error(`timelapse render failed: ${answer.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`timelapse worker exited with ${code}`)));
  });
}
