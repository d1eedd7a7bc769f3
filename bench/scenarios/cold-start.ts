import pg from 'pg';
import { migrate } from '../../db/migrate';
import { createPool } from '../../db/pool';
import { insertSnapshot } from '../../db/queries/snapshots';
import { Board } from '../../server/canvas/board';
import { freePort, type BenchEnvironment } from '../support/environment';
import { startServerProcess } from '../support/server-process';
import { round } from '../support/stats';
import { realisticBoard } from './png-render';

export interface ColdStartResult {
  pixelEvents: number;
  changes: number;
  coldStartMs: number;
  populateSeconds: number;
}

const PIXELS_PER_CHANGE = 100;
const SNAPSHOT_EVERY_CHANGES = 1000; // the server's default
const INSERT_BATCH_EVENTS = 500_000;

/**
 * Fills a database with `pixelEvents` pixel events in changes of 100 pixels (and the snapshots
 * the server takes on its way), then times a server process from spawn to serving.
 */
export async function measureColdStart(
  environment: BenchEnvironment,
  pixelEvents: number,
): Promise<ColdStartResult> {
  const env = await environment.serverEnv();
  const populateStart = performance.now();
  const changes = await populate(env.DATABASE_URL, pixelEvents);
  const populateSeconds = (performance.now() - populateStart) / 1000;
  const server = await startServerProcess(env, await freePort());
  const settings = (await (await fetch(`${server.url}/api/settings`)).json()) as { seq: number };
  await server.stop();
  if (settings.seq !== changes)
    throw new Error(`server started at seq ${settings.seq}, expected ${changes}`);
  return {
    pixelEvents,
    changes,
    coldStartMs: round(server.startMs, 0),
    populateSeconds: round(populateSeconds, 1),
  };
}

async function populate(url: string, pixelEvents: number): Promise<number> {
  const db = createPool(url, () => undefined, 2);
  await migrate(db);
  // Bulk load without the secondary indexes, then build them once (as a restore would).
  await db.query('DROP INDEX pixel_events_by_seq; DROP INDEX pixel_events_by_pixel');
  const target = realisticBoard(1000);
  const board = new Board(1000, 1000);
  const changes = Math.floor(pixelEvents / PIXELS_PER_CHANGE);
  let columns = emptyColumns();
  let cursor = 0;
  for (let seq = 1; seq <= changes; seq++) {
    const xs = new Uint16Array(PIXELS_PER_CHANGE);
    const ys = new Uint16Array(PIXELS_PER_CHANGE);
    const colors = new Uint8Array(PIXELS_PER_CHANGE);
    for (let i = 0; i < PIXELS_PER_CHANGE; i++, cursor = (cursor + 7919) % 1_000_000) {
      xs[i] = cursor % 1000;
      ys[i] = Math.floor(cursor / 1000);
      colors[i] = (target[cursor] + seq) % 16;
      columns.seq.push(seq);
      columns.x.push(xs[i]);
      columns.y.push(ys[i]);
      columns.color.push(colors[i]);
      columns.prev.push(board.pixels[cursor]);
    }
    board.apply(seq, { xs, ys, colors });
    // Offset by one so the newest snapshot is 999 changes behind: the worst case a start replays.
    if (seq % SNAPSHOT_EVERY_CHANGES === 1) {
      await insertSnapshot(db, { seq, width: 1000, height: 1000, pixels: board.pixels.slice() });
    }
    if (columns.seq.length >= INSERT_BATCH_EVENTS || seq === changes) {
      await flush(db, columns);
      columns = emptyColumns();
    }
  }
  await db.query(
    `INSERT INTO changes (seq, kind, actor, pixel_count)
     SELECT s, 'paint', 'bench', $2 FROM generate_series(1, $1::bigint) AS s`,
    [changes, PIXELS_PER_CHANGE],
  );
  await db.query('CREATE INDEX pixel_events_by_seq ON pixel_events (seq)');
  await db.query('CREATE INDEX pixel_events_by_pixel ON pixel_events (x, y, seq)');
  await db.query('ANALYZE');
  await db.end();
  return changes;
}

function emptyColumns() {
  return {
    seq: [] as number[],
    x: [] as number[],
    y: [] as number[],
    color: [] as number[],
    prev: [] as number[],
  };
}

async function flush(db: pg.Pool, columns: ReturnType<typeof emptyColumns>) {
  await db.query(
    `INSERT INTO pixel_events (seq, x, y, color, prev_color)
     SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::smallint[], $4::smallint[], $5::smallint[])`,
    [columns.seq, columns.x, columns.y, columns.color, columns.prev],
  );
}
