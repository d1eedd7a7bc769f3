import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectViewer, type TestSocket } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const HTTP_RUNS = 6000;
const SOCKET_RUNS = 4000;

const json = fc.oneof(
  fc.anything(),
  fc.record(
    { pixels: fc.array(fc.record({ x: fc.anything(), y: fc.anything(), color: fc.anything() })) },
    { requiredKeys: [] },
  ),
  fc.record({
    pixels: fc.array(
      fc.record({ x: fc.integer(), y: fc.integer(), color: fc.oneof(fc.integer(), fc.string()) }),
      { maxLength: 4 },
    ),
    name: fc.anything(),
    message: fc.string(),
  }),
);
const segment = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.constantFrom('%', '%E0%A4%A', '..', '-1', '1e400', 'NaN'),
);

/** A malformed or hostile request to one of the API's routes. */
const httpRequest: fc.Arbitrary<{ method: string; path: string; body?: string }> = fc.oneof(
  json.map((body) => ({
    method: 'POST',
    path: '/api/orders',
    body: JSON.stringify(body) ?? 'null',
  })),
  fc.string().map((raw) => ({ method: 'POST', path: '/api/orders', body: raw })),
  json.map((body) => ({
    method: 'POST',
    path: '/api/dev/pay',
    body: JSON.stringify(body) ?? 'null',
  })),
  segment.map((id) => ({ method: 'GET', path: `/api/orders/${encodeURIComponent(id)}` })),
  fc.tuple(segment, segment).map(([x, y]) => ({
    method: 'GET',
    path: `/api/pixels/${encodeURIComponent(x)}/${encodeURIComponent(y)}`,
  })),
  fc.tuple(segment, segment).map(([since, limit]) => ({
    method: 'GET',
    path: `/api/changes?since=${encodeURIComponent(since)}&limit=${encodeURIComponent(limit)}`,
  })),
  segment.map((seq) => ({ method: 'GET', path: `/api/canvas.png?seq=${encodeURIComponent(seq)}` })),
  fc
    .tuple(
      fc.constantFrom('PUT', 'DELETE', 'PATCH'),
      fc.constantFrom('/api/orders', '/api/settings', '/api/feed'),
    )
    .map(([method, path]) => ({ method, path })),
);

describe('fuzz: malformed input never crashes, 5xx or changes anything', () => {
  let server: TestServer;
  let socket: TestSocket;

  beforeAll(async () => {
    server = await startTestServer({ CANVAS_WIDTH: '64', CANVAS_HEIGHT: '64' });
    socket = await connectViewer(server.url);
  });
  afterAll(async () => {
    socket?.close();
    await server?.destroy();
  });

  const counts = async () => {
    const orders = await server.context.db.query('SELECT count(*)::int AS n FROM orders');
    return { orders: orders.rows[0].n as number, seq: server.context.changeLog.board.seq };
  };
  const isValidOrder = (body: string) => {
    try {
      return server.context.orderSchema.safeParse(JSON.parse(body)).success;
    } catch {
      return false;
    }
  };

  it(`answers ${HTTP_RUNS} malformed HTTP requests with 4xx and an error code`, async () => {
    const before = await counts();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(httpRequest, async (request) => {
        fc.pre(
          !(
            request.path === '/api/orders' &&
            request.body !== undefined &&
            isValidOrder(request.body)
          ),
        );
        tried++;
        const response = await fetch(server.url + request.path, {
          method: request.method,
          headers: { 'Content-Type': 'application/json' },
          body: request.body,
        });
        const text = await response.text();
        if (response.status >= 500)
          throw new Error(`${response.status} for ${JSON.stringify(request)}: ${text}`);
        if (response.status >= 400) expect(JSON.parse(text).error.code).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: HTTP_RUNS },
    );
    expect(await counts()).toEqual(before);
    console.info(`fuzz: ${tried} malformed HTTP requests, no 5xx`);
  }, 180_000);

  it(`answers ${SOCKET_RUNS} malformed socket events with ok: false`, async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('order:create', 'order:watch', 'changes:since', 'settings:get'),
        json,
        async (event, payload) => {
          if (event === 'order:create')
            fc.pre(!server.context.orderSchema.safeParse(payload).success);
          const emit = socket.timeout(5000).emitWithAck as unknown as (
            e: string,
            p: unknown,
          ) => Promise<{ ok: boolean; error?: { code: string } }>;
          const answer = await emit.call(socket.timeout(5000), event, payload);
          if (answer.ok) expect(['settings:get', 'changes:since']).toContain(event);
          else expect(answer.error?.code).toMatch(/^[a-z_]+$/);
          expect(answer.error?.code).not.toBe('internal_error');
        },
      ),
      { numRuns: SOCKET_RUNS },
    );
    expect(socket.connected).toBe(true);
    expect(await counts()).toEqual(before);
    console.info(`fuzz: ${SOCKET_RUNS} malformed socket events, socket still connected`);
  }, 180_000);
});
