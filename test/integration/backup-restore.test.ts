import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRunningEmbeddedPostgres } from '../../db/embedded-postgres';
import { api } from '../support/api-client';
import { adminApi, paintPaid, TEST_ADMIN_TOKEN } from '../support/admin-client';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

const REPO = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const HISTORY_TABLES = ['orders', 'changes', 'pixel_events', 'snapshots'];

/** `npm run backup|restore -- FILE` with `env` on top of a clean environment (no DATABASE_URL). */
async function npmRun(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  if (!env.DATABASE_URL) delete base.DATABASE_URL;
  return run('npm', ['run', '--silent', script, '--', file], { cwd: REPO, env: base });
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: number; stderr: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; stderr: string };
  }
  throw new Error('expected the command to fail');
}

/** Every row of every history table, as PostgreSQL prints it, in a fixed order. */
async function dumpTables(databaseUrl: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const dump: Record<string, string[]> = {};
    for (const table of HISTORY_TABLES) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY row_to_json(t)::text`,
      );
      dump[table] = rows.map((row) => row.row);
    }
    return dump;
  } finally {
    await client.end();
  }
}

async function boardPng(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${url}/api/canvas.png`)).arrayBuffer());
}

describe('backup and restore (DATABASE_URL)', () => {
  let server: TestServer;
  let restored: TestServer | undefined;
  let dropRestored: (() => Promise<void>) | undefined;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'boltboard-backup-'));
    server = await startTestServer({ ADMIN_TOKEN: TEST_ADMIN_TOKEN, SNAPSHOT_EVERY_CHANGES: '3' });
    for (let i = 0; i < 5; i++) {
      await paintPaid(server.url, {
        pixels: [
          { x: i, y: 0, color: 5 },
          { x: i, y: 1, color: i + 2 },
        ],
        name: `painter ${i}`,
        message: 'hello "world" \\ ünïcode ✓',
      });
    }
    const revert = await adminApi(server.url, '/api/admin/revert', {
      body: { toSeq: 2, region: { x: 0, y: 0, width: 3, height: 3 }, note: 'tidy' },
    });
    expect(revert.status).toBe(200);
    expect((await adminApi(server.url, '/api/admin/snapshots', { method: 'POST' })).status).toBe(
      201,
    );
    // One order left unpaid: pending orders are part of the backup too.
    expect(
      (await api(server.url, '/api/orders', { body: { pixels: [{ x: 9, y: 9, color: 1 }] } }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await restored?.destroy();
    await dropRestored?.();
    await server?.destroy();
    await rm(work, { recursive: true, force: true });
  });

  it('backs up while the app keeps painting, a consistent moment of its history', async () => {
    const file = path.join(work, 'during-burst.backup');
    let painting = true;
    let paintedDuringBackup = 0;
    const burst = (async () => {
      for (let i = 0; painting; i++) {
        await paintPaid(server.url, { pixels: [{ x: 100 + (i % 50), y: 100, color: 3 }] });
        paintedDuringBackup++;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await npmRun('backup', file, { DATABASE_URL: server.databaseUrl });
    painting = false;
    await burst;
    expect(paintedDuringBackup).toBeGreaterThan(0);

    const target = await createTestDatabase();
    try {
      await npmRun('restore', file, { DATABASE_URL: target.url });
      const dump = await dumpTables(target.url);
      const seqs = dump.changes.map((row) => (JSON.parse(row) as { seq: number }).seq);
      const last = Math.max(...seqs);
      // Gap-free change log, and nothing in the other tables from after that moment.
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      for (const row of dump.pixel_events) {
        expect((JSON.parse(row) as { seq: number }).seq).toBeLessThanOrEqual(last);
      }
      for (const row of dump.orders) {
        const order = JSON.parse(row) as { status: string; change_seq: number | null };
        if (order.status === 'paid') expect(seqs).toContain(order.change_seq);
      }
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('restores board, history and orders byte for byte into an empty database', async () => {
    const file = path.join(work, 'quiet.backup');
    const before = await dumpTables(server.databaseUrl);
    expect(before.snapshots.length).toBeGreaterThan(0);
    expect(before.changes.some((row) => row.includes('"kind":"revert"'))).toBe(true);
    expect(before.orders.some((row) => row.includes('"status":"pending"'))).toBe(true);
    const png = await boardPng(server.url);
    await npmRun('backup', file, { DATABASE_URL: server.databaseUrl });

    const target = await createTestDatabase();
    dropRestored = target.drop;
    const { stdout } = await npmRun('restore', file, { DATABASE_URL: target.url });
    expect(stdout).toMatch(/^Restored .*orders \d+/);
    expect(await dumpTables(target.url)).toEqual(before);

    restored = await startTestServer({}, { databaseUrl: target.url, dataDir: work });
    expect((await boardPng(restored.url)).equals(png)).toBe(true);

    // A database that holds a board is refused, in one sentence.
    const refused = await failureOf(npmRun('restore', file, { DATABASE_URL: target.url }));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^The target database already holds a board[^\n]*\.$/);
  }, 120_000);
});

describe('backup and restore (embedded PostgreSQL in DATA_DIR)', () => {
  let work: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'boltboard-backup-embedded-'));
    // Enterable by the postgres user (as root), so each cluster stays inside its DATA_DIR.
    await chmod(work, 0o755);
  });
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await rm(work, { recursive: true, force: true });
  });

  async function serve(dataDir: string) {
    const env = { DATA_DIR: dataDir, ORDER_RATE_LIMIT_PER_MINUTE: '100000' };
    const server = await spawnServer(env, await freePort(), { startTimeoutMs: 60_000 });
    servers.push(server);
    return server;
  }

  it('backs up the running app from DATA_DIR and restores into a new DATA_DIR', async () => {
    const original = path.join(work, 'original');
    const app = await serve(original);
    for (let i = 0; i < 3; i++) await paintPaid(app.url, { pixels: [{ x: 7, y: i, color: 4 }] });
    expect(await findRunningEmbeddedPostgres(original)).toBeDefined();

    const file = path.join(work, 'embedded.backup');
    await npmRun('backup', file, { DATA_DIR: original });
    // The app kept running through the backup.
    expect((await api(app.url, '/api/settings')).status).toBe(200);

    const copy = path.join(work, 'copy');
    await npmRun('restore', file, { DATA_DIR: copy });
    const second = await serve(copy);
    expect((await boardPng(second.url)).equals(await boardPng(app.url))).toBe(true);
    const history = (url: string) => api(url, '/api/pixels/7/2').then((answer) => answer.body);
    expect(await history(second.url)).toEqual(await history(app.url));

    // Restoring into the data dir of a running app is refused, in one sentence.
    const refused = await failureOf(npmRun('restore', file, { DATA_DIR: original }));
    expect(refused.stderr.trim()).toMatch(/in use by another Boltboard process.*stop Boltboard/);
  }, 180_000);
});
