import { afterEach, describe, expect, it } from 'vitest';
import { api, connectViewer } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

type ErrorBody = { error: { code: string; message: string } };
const oneOrder = (x: number) => ({ body: { pixels: [{ x, y: 0, color: 1 }] } });

describe('limits that protect everyone', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.destroy();
    server = undefined;
  });

  it('rate-limits order creation per client over HTTP and socket, with 429 and Retry-After', async () => {
    server = await startTestServer({ ORDER_RATE_LIMIT_PER_MINUTE: '12' }); // a burst of 2, then one each 5 s
    expect((await api(server.url, '/api/orders', oneOrder(1))).status).toBe(201);
    expect((await api(server.url, '/api/orders', oneOrder(2))).status).toBe(201);
    const limited = await api<ErrorBody>(server.url, '/api/orders', oneOrder(3));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const socket = await connectViewer(server.url);
    const answer = await socket.emitWithAck('order:create', { pixels: [{ x: 4, y: 0, color: 1 }] });
    socket.close();
    expect(answer).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const count = await server.context.db.query('SELECT count(*)::int AS n FROM orders');
    expect(count.rows[0].n).toBe(2);
  });

  it('caps unpaid open orders per client', async () => {
    server = await startTestServer({ MAX_OPEN_ORDERS_PER_CLIENT: '2' });
    expect((await api(server.url, '/api/orders', oneOrder(1))).status).toBe(201);
    expect((await api(server.url, '/api/orders', oneOrder(2))).status).toBe(201);
    const capped = await api<ErrorBody>(server.url, '/api/orders', oneOrder(3));
    expect(capped.status).toBe(429);
    expect(capped.body.error.code).toBe('too_many_open_orders');
    expect(capped.headers.get('retry-after')).toBeTruthy();
  });

  it('accepts an order of the maximum size (250,000 pixels, a body of several MB)', async () => {
    server = await startTestServer();
    const pixels = Array.from({ length: 250_000 }, (_, i) => ({
      x: i % 1000,
      y: Math.floor(i / 1000),
      color: '#e4b4ca',
    }));
    const created = await api<{ pixelCount: number; amountSat: number }>(
      server.url,
      '/api/orders',
      { body: { pixels } },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ pixelCount: 250_000, amountSat: 250_000 });
  });
});
