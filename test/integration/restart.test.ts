import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api } from '../support/api-client';
import { fetchBoard } from '../support/board-png';
import { createTestDatabase } from '../support/test-database';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('restarts', () => {
  let simulatorDir: string;
  let dataDir: string;
  let simulator: LndSimulator;
  let database: { url: string; drop: () => Promise<void> };
  let server: TestServer | undefined;

  const start = () => startTestServer(lndEnv(simulator), { databaseUrl: database.url, dataDir });

  beforeAll(async () => {
    simulatorDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-sim-'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-data-'));
    // A standalone node: it keeps running (and settling) while the app stops.
    simulator = await startLndSimulator({ dir: simulatorDir });
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.stop();
    await database?.drop();
    await rm(simulatorDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the board exactly as it was across a restart', async () => {
    server = await start();
    expect(server.context.node.simulated).toBe(true); // recognised by its alias, even as a configured node
    const created = await api<CreatedOrder>(server.url, '/api/orders', {
      body: {
        pixels: [
          { x: 7, y: 8, color: 12 },
          { x: 999, y: 999, color: 3 },
        ],
      },
    });
    await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: created.body.paymentRequest },
    });
    const before = Buffer.from(server.context.changeLog.board.pixels);
    await server.stop();

    server = await start();
    expect(server.context.changeLog.board.seq).toBe(1);
    expect(Buffer.from(server.context.changeLog.board.pixels).equals(before)).toBe(true);
    const board = await fetchBoard(server.url);
    expect(board.colorAt(7, 8)).toBe('#5880a8');
    expect(board.colorAt(999, 999)).toBe('#222222');
  });

  it('paints a payment made while the app was down, once, after it starts again', async () => {
    server ??= await start();
    const created = await api<CreatedOrder>(server.url, '/api/orders', {
      body: { pixels: [{ x: 1, y: 2, color: 9 }] },
    });
    const seqBefore = server.context.changeLog.board.seq;
    await server.stop();

    expect(await simulator.settleInvoice(created.body.paymentHash)).toBe(true);

    server = await start();
    await until(
      async () =>
        (await api<OrderView>(server!.url, `/api/orders/${created.body.id}`)).body.status ===
        'paid',
    );
    expect(server.context.changeLog.board.seq).toBe(seqBefore + 1);
    expect(server.context.changeLog.board.colorAt(1, 2)).toBe(9);

    // And again: another restart finds it paid and paints nothing more.
    await server.stop();
    server = await start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.context.changeLog.board.seq).toBe(seqBefore + 1);
    const paints = await server.context.db.query(
      'SELECT count(*)::int AS n FROM changes WHERE order_id = $1',
      [created.body.id],
    );
    expect(paints.rows[0].n).toBe(1);
  });
});
