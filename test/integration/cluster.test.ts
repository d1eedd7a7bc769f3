import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireChange } from '../../protocol/changes';
import type { CreatedOrder } from '../../protocol/orders';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { api, connectViewer, nextEvent, type TestSocket } from '../support/api-client';
import { hasRedisServer, startRedisServer } from '../support/redis-server';
import { createTestDatabase } from '../support/test-database';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { simulatorNodeEnv } from '../support/simulator-env';
import { waitUntil } from '../support/wait-until';

const SIDE = 100;
const BURST = 60;

/** Every change a viewer received, in arrival order. */
function recordChanges(socket: TestSocket): WireChange[] {
  const seen: WireChange[] = [];
  socket.on('changes', ({ changes }) => seen.push(...changes));
  return seen;
}

// The postgres adapter always; the redis one where Debian's redis-server is installed (CI installs it).
const adapters = hasRedisServer ? (['postgres', 'redis'] as const) : (['postgres'] as const);

describe.each(adapters)(
  'scale-out: three instances, one PostgreSQL, one LND, the %s adapter',
  (adapter) => {
    let redis: { url: string; stop: () => Promise<void> } | undefined;
    let simulatorDir: string;
    let simulator: LndSimulator;
    let database: { url: string; drop: () => Promise<void> };
    let env: Record<string, string>;
    const instances: ServerProcess[] = [];
    const viewers: TestSocket[] = [];

    beforeAll(async () => {
      simulatorDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-cluster-'));
      simulator = await startLndSimulator({ dir: path.join(simulatorDir, 'lnd') });
      database = await createTestDatabase();
      if (adapter === 'redis') redis = await startRedisServer();
      env = {
        ...simulatorNodeEnv(simulator, database.url, simulatorDir),
        CLUSTER_ADAPTER: adapter,
        ...(redis ? { REDIS_URL: redis.url } : {}),
        CANVAS_WIDTH: String(SIDE),
        CANVAS_HEIGHT: String(SIDE),
      };
      for (let i = 0; i < 3; i++) instances.push(await spawnServer(env, await freePort()));
    }, 120_000);
    afterAll(async () => {
      viewers.forEach((socket) => socket.close());
      for (const instance of instances) {
        instance.child.kill('SIGTERM');
        await instance.exited;
      }
      await simulator?.stop();
      await redis?.stop();
      await database?.drop();
      await rm(simulatorDir, { recursive: true, force: true });
    });

    const createOn = async (instance: ServerProcess, i: number) => {
      const pixels = [{ x: i % SIDE, y: Math.floor(i / SIDE) % SIDE, color: 1 + (i % 15) }];
      const response = await api<CreatedOrder>(instance.url, '/api/orders', { body: { pixels } });
      expect(response.status).toBe(201);
      return response.body;
    };

    it('delivers every change to viewers of every instance, in seq order, painted once', async () => {
      for (const instance of instances) viewers.push(await connectViewer(instance.url));
      const received = viewers.map(recordChanges);

      // An order created on instance A, watched from a socket on instance B, paid through C.
      const watched = await createOn(instances[0], 5000);
      const watchAnswer = await viewers[1].emitWithAck('order:watch', { id: watched.id });
      expect(watchAnswer).toMatchObject({ ok: true, status: 'pending' });
      const paidEvent = nextEvent(viewers[1], 'order', (event) => event.id === watched.id, 10_000);
      expect(
        (
          await api(instances[2].url, '/api/dev/pay', {
            body: { paymentRequest: watched.paymentRequest },
          })
        ).status,
      ).toBe(200);
      expect(await paidEvent).toMatchObject({ id: watched.id, status: 'paid' });

      // A burst of orders created through all instances and paid at once: every instance sees
      // every settlement from the node, and the settlement transaction decides who paints.
      const orders = await Promise.all(
        Array.from({ length: BURST }, (_, i) => createOn(instances[i % 3], i)),
      );
      await Promise.all(orders.map((order) => simulator.settleInvoice(order.paymentHash)));
      const total = BURST + 1;
      await waitUntil(
        () => received.every((seen) => seen.length >= total),
        'every viewer has every change',
        20_000,
      );

      for (const seen of received) {
        expect(seen.map((change) => change.seq)).toEqual(
          Array.from({ length: total }, (_, i) => i + 1),
        );
      }
      expect(received[1]).toEqual(received[0]);
      expect(received[2]).toEqual(received[0]);

      const db = new pg.Client({ connectionString: database.url });
      await db.connect();
      const paints = await db.query(
        `SELECT order_id, count(*)::int AS n FROM changes GROUP BY order_id`,
      );
      await db.end();
      expect(paints.rows).toHaveLength(total);
      expect(paints.rows.every((row) => row.n === 1)).toBe(true);

      const tags = await Promise.all(
        instances.map(async (instance) => {
          const response = await fetch(`${instance.url}/api/canvas.png`);
          return [
            response.headers.get('x-canvas-seq'),
            Buffer.from(await response.arrayBuffer()).toString('base64'),
          ];
        }),
      );
      expect(tags[0][0]).toBe(String(total));
      expect(tags[1]).toEqual(tags[0]);
      expect(tags[2]).toEqual(tags[0]);
    }, 120_000);

    it('counts the viewers of every instance', async () => {
      // Three viewers joined in the test above, one per instance; three more join now. Each new
      // one hears the total once it changes: the counts of all instances, through the adapter.
      const joining = await Promise.all(instances.map((instance) => connectViewer(instance.url)));
      try {
        await Promise.all(
          joining.map((socket) => nextEvent(socket, 'viewers', ({ count }) => count >= 6, 10_000)),
        );
      } finally {
        joining.forEach((socket) => socket.close());
      }
    });

    it('loses nothing when an instance is killed during a burst', async () => {
      const startSeq = (await api<{ seq: number }>(instances[0].url, '/api/settings')).body.seq;
      const received = viewers.slice(0, 2).map(recordChanges);
      const orders = await Promise.all(
        Array.from({ length: BURST }, (_, i) => createOn(instances[i % 3], 200 + i)),
      );
      const burst = Promise.all(
        orders.map(async (order, i) => {
          await new Promise((resolve) => setTimeout(resolve, i));
          await simulator.settleInvoice(order.paymentHash);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      instances[2].child.kill('SIGKILL');
      await burst;
      await waitUntil(
        () => received.every((seen) => seen.length >= BURST),
        'the survivors deliver the whole burst',
        20_000,
      );
      for (const seen of received) {
        expect(seen.map((change) => change.seq)).toEqual(
          Array.from({ length: BURST }, (_, i) => startSeq + i + 1),
        );
      }
      instances.pop();
    }, 120_000);
  },
);
