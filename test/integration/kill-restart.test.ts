import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder } from '../../protocol/orders';
import { DEFAULT_PALETTE } from '../../protocol/settings';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api } from '../support/api-client';
import { fetchBoard } from '../support/board-png';
import { createTestDatabase } from '../support/test-database';
import { freePort, spawnServer } from '../support/server-process';
import { simulatorNodeEnv } from '../support/simulator-env';
import { waitUntil } from '../support/wait-until';

// CI runs a short soak; `npm run soak` runs a long one (SOAK_ROUNDS, SOAK_ORDERS).
const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 6);
const ORDERS_PER_ROUND = Number(process.env.SOAK_ORDERS ?? 25);
const SIDE = 40; // a small board, so orders overlap and prev colours matter

describe('SIGKILL at random moments during a burst of payments, then restart', () => {
  let simulatorDir: string;
  let simulator: LndSimulator;
  let database: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;

  beforeAll(async () => {
    simulatorDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-soak-sim-'));
    simulator = await startLndSimulator({ dir: simulatorDir });
    database = await createTestDatabase();
    env = {
      ...simulatorNodeEnv(simulator, database.url, simulatorDir),
      CANVAS_WIDTH: String(SIDE),
      CANVAS_HEIGHT: String(SIDE),
      SNAPSHOT_EVERY_CHANGES: '7',
    };
  });
  afterAll(async () => {
    await simulator?.stop();
    await database?.drop();
    await rm(simulatorDir, { recursive: true, force: true });
  });

  it('paints every settled invoice exactly once and keeps the board equal to its log', async () => {
    const settled: CreatedOrder[] = [];
    const unpaid: CreatedOrder[] = [];
    let random = 42;
    const next = (n: number) => (random = (random * 1103515245 + 12345) & 0x7fffffff) % n;

    for (let round = 0; round < ROUNDS; round++) {
      const server = await spawnServer(env, await freePort());
      const orders = await Promise.all(
        Array.from({ length: ORDERS_PER_ROUND }, async () => {
          const count = 1 + next(6);
          const start = next(SIDE * SIDE - count);
          const pixels = Array.from({ length: count }, (_, i) => ({
            x: (start + i) % SIDE,
            y: Math.floor((start + i) / SIDE),
            color: next(16),
          }));
          const response = await api<CreatedOrder>(server.url, '/api/orders', { body: { pixels } });
          expect(response.status).toBe(201);
          return response.body;
        }),
      );
      const toPay = orders.filter(() => next(10) < 8);
      unpaid.push(...orders.filter((order) => !toPay.includes(order)));
      settled.push(...toPay);
      // The node settles the burst while the app is killed somewhere in the middle of it.
      const burst = Promise.all(
        toPay.map(async (order, i) => {
          await new Promise((resolve) => setTimeout(resolve, i * 3));
          expect(await simulator.settleInvoice(order.paymentHash)).toBe(true);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, next(toPay.length * 3 + 20)));
      server.child.kill('SIGKILL');
      await server.exited;
      await burst;
    }

    const server = await spawnServer(env, await freePort());
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const paidCount = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM orders WHERE status = 'paid'`)).rows[0]
          .n as number;
      await waitUntil(
        async () => (await paidCount()) === settled.length,
        'every settled invoice is painted',
        30_000,
      );

      const paints = await db.query<{ order_id: string; n: number }>(
        `SELECT order_id, count(*)::int AS n FROM changes WHERE kind = 'paint' GROUP BY order_id`,
      );
      expect(paints.rows.length).toBe(settled.length);
      expect(paints.rows.every((row) => row.n === 1)).toBe(true);
      const settledIds = new Set(settled.map((order) => order.id));
      expect(paints.rows.every((row) => settledIds.has(row.order_id))).toBe(true);
      const unpaidStatus = await db.query<{ status: string }>(
        'SELECT status FROM orders WHERE id = ANY($1::uuid[])',
        [unpaid.map((order) => order.id)],
      );
      expect(
        unpaidStatus.rows.every((row) => row.status === 'pending' || row.status === 'expired'),
      ).toBe(true);

      // Gap-free seqs, each event's prev_color the colour before it, and the board = the log replayed.
      const seqs = (
        await db.query<{ seq: number }>('SELECT seq FROM changes ORDER BY seq')
      ).rows.map((row) => Number(row.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const events = await db.query<{ x: number; y: number; color: number; prev_color: number }>(
        'SELECT x, y, color, prev_color FROM pixel_events ORDER BY seq',
      );
      const replay = new Uint8Array(SIDE * SIDE);
      for (const event of events.rows) {
        expect(event.prev_color).toBe(replay[event.y * SIDE + event.x]);
        replay[event.y * SIDE + event.x] = event.color;
      }
      const board = await fetchBoard(server.url);
      for (let i = 0; i < replay.length; i++) {
        expect(board.colorAt(i % SIDE, Math.floor(i / SIDE))).toBe(DEFAULT_PALETTE[replay[i]]);
      }
      console.info(
        `kill/restart soak: ${ROUNDS} rounds survived, ${settled.length} paid and ${unpaid.length} unpaid orders checked`,
      );
    } finally {
      await db.end();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 300_000);
});

describe('SIGTERM', () => {
  it('shuts down gracefully and exits 0', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-sigterm-'));
    try {
      const server = await spawnServer(
        { DATABASE_URL: database.url, DATA_DIR: dataDir },
        await freePort(),
      );
      const created = await api<CreatedOrder>(server.url, '/api/orders', {
        body: { pixels: [{ x: 1, y: 1, color: 1 }] },
      });
      expect(created.status).toBe(201);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
