import { parentPort, workerData } from 'node:worker_threads';
import { createPool } from '../../../db/pool';
import { renderTimelapse } from './render-timelapse';
import type { TimelapsePlan } from './timelapse-plan';

/** What the worker is given: where the log is, what to render, and the palette. */
export interface TimelapseJob {
  databaseUrl: string;
  plan: TimelapsePlan;
  palette: string[];
}

/** What the worker answers, once. The WebP's buffer is transferred, not copied. */
export type TimelapseAnswer = { ok: true; webp: Uint8Array } | { ok: false; message: string };

// Worker entry: renders one timelapse off the main thread with its own database connection.
async function run(job: TimelapseJob): Promise<TimelapseAnswer> {
  const db = createPool(job.databaseUrl, () => undefined, 1);
  try {
    const webp = new Uint8Array(await renderTimelapse(db, job.plan, job.palette));
    return { ok: true, webp };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    await db.end();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as TimelapseJob).then((answer) =>
    port.postMessage(answer, answer.ok ? [answer.webp.buffer as ArrayBuffer] : []),
  );
}
