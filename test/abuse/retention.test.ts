import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpiredOrderPayloads } from '../../db/queries/orders-retention';
import type { CreatedOrder } from '../../protocol/orders';
import { api } from '../support/api-client';
import { waitUntil } from '../support/wait-until';
import { startTestServer, type TestServer } from '../support/test-server';

describe('retention of unpaid orders', () => {
  let first: TestServer;
  let server: TestServer;
  beforeAll(async () => {
    first = server = await startTestServer({ ORDER_PAYLOAD_RETENTION_HOURS: '24' });
  });
  afterAll(async () => {
    if (server !== first) await server?.stop();
    await first?.destroy();
  });

  /** An order made through the API, then aged and given a status directly. */
  async function order(status: string, expiredHoursAgo: number): Promise<string> {
    const created = await api<CreatedOrder>(server.url, '/api/orders', {
      body: { pixels: [{ x: 1, y: 1, color: 1 }] },
    });
    await server.context.db.query(
      `UPDATE orders SET status = $2, expires_at = now() - make_interval(hours => $3),
         created_at = now() - make_interval(hours => $3 + 1) WHERE id = $1`,
      [created.body.id, status, expiredHoursAgo],
    );
    return created.body.id;
  }
  const payloadBytes = async (id: string) =>
    (
      await server.context.db.query<{ n: number }>(
        'SELECT octet_length(pixels) AS n FROM orders WHERE id = $1',
        [id],
      )
    ).rows[0].n;

  it('empties only orders expired longer than the window, never pending or paid ones', async () => {
    const old = await order('expired', 30);
    const recent = await order('expired', 2);
    const stillPending = await order('pending', 30);
    const paid = await order('paid', 30);
    await pruneExpiredOrderPayloads(server.context.db, 24);
    expect(await payloadBytes(paid)).toBeGreaterThan(0);
    expect(await payloadBytes(old)).toBe(0);
    expect(await payloadBytes(recent)).toBeGreaterThan(0);
    expect(await payloadBytes(stillPending)).toBeGreaterThan(0);
  });

  it('runs on its own from the server at start', async () => {
    const old = await order('expired', 48);
    await server.stop();
    server = await startTestServer(
      { ORDER_PAYLOAD_RETENTION_HOURS: '24' },
      { databaseUrl: server.databaseUrl, dataDir: server.dataDir },
    );
    await waitUntil(async () => (await payloadBytes(old)) === 0, 'the old payload is pruned');
  });
});
