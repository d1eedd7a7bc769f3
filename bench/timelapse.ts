// `npx tsx bench/timelapse.ts`: how long a 300-frame timelapse of a 1000x1000 board takes to
// render (in its worker, as the route does), from a log of scattered and of clustered paints.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';
import { createPool, type Db } from '../db/pool';
import { insertChanges, type PixelEventColumns } from '../db/queries/changes';
import { DEFAULT_PALETTE } from '../protocol/settings';
import { planTimelapse } from '../server/history/timelapse/timelapse-plan';
import { TimelapseRenderer } from '../server/history/timelapse/timelapse-renderer';

const SIDE = 1000;
const CHANGES = 3000;
const PIXELS_PER_CHANGE = 100;

/** Writes CHANGES paints of PIXELS_PER_CHANGE pixels each, scattered or in 10x10 blocks. */
async function fillLog(db: Db, scattered: boolean) {
  await db.query('TRUNCATE changes, pixel_events, snapshots');
  for (let first = 1; first <= CHANGES; first += 500) {
    const seqs = Array.from({ length: Math.min(500, CHANGES - first + 1) }, (_, i) => first + i);
    const events: PixelEventColumns = { seqs: [], xs: [], ys: [], colors: [], previousColors: [] };
    for (const seq of seqs) {
      const [bx, by] = [Math.floor(Math.random() * 990), Math.floor(Math.random() * 990)];
      for (let p = 0; p < PIXELS_PER_CHANGE; p++) {
        events.seqs.push(seq);
        events.xs.push(scattered ? Math.floor(Math.random() * SIDE) : bx + (p % 10));
        events.ys.push(scattered ? Math.floor(Math.random() * SIDE) : by + Math.floor(p / 10));
        events.colors.push(seq % 16);
        events.previousColors.push(0);
      }
    }
    await insertChanges(
      db,
      seqs.map((seq) => ({
        seq,
        kind: 'paint' as const,
        orderId: null,
        actor: 'bench',
        pixelCount: PIXELS_PER_CHANGE,
        bbox: null,
        note: null,
      })),
      events,
    );
  }
  await db.query('ANALYZE changes; ANALYZE pixel_events'); // as autovacuum would, in time
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-bench-timelapse-'));
  const embedded = await startEmbeddedPostgres(dir, () => undefined);
  const db = createPool(embedded.url, () => undefined);
  try {
    await migrate(db);
    for (const scattered of [false, true]) {
      await fillLog(db, scattered);
      // A renderer per log: renders are kept by plan, and this bench rewrites history.
      const renderer = new TimelapseRenderer(embedded.url, [...DEFAULT_PALETTE]);
      for (const scale of [1, 0.5]) {
        const plan = planTimelapse(
          { fromSeq: 0, frames: 300, scale },
          { width: SIDE, height: SIDE },
          CHANGES,
        );
        const loopDelay = monitorEventLoopDelay({ resolution: 10 });
        loopDelay.enable();
        const started = performance.now();
        const webp = await renderer.render(plan);
        const ms = performance.now() - started;
        loopDelay.disable();
        console.log(
          `${scattered ? 'scattered' : 'clustered'} paints, ${plan.frameSeqs.length} frames of ` +
            `${plan.outWidth}x${plan.outHeight}: ${Math.round(ms)} ms, ${Math.round(webp.length / 1024)} KiB, ` +
            `event loop delay max ${Math.round(loopDelay.max / 1e6)} ms`,
        );
      }
    }
  } finally {
    await db.end();
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
