import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectViewer, type TestSocket } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

type ErrorBody = { error: { code: string; message: string } };

describe('bad input gets a clear 4xx and changes nothing', () => {
  let server: TestServer;
  let socket: TestSocket;

  beforeAll(async () => {
    server = await startTestServer({
      MAX_PIXELS_PER_ORDER: '10',
      CANVAS_WIDTH: '100',
      CANVAS_HEIGHT: '50',
    });
    socket = await connectViewer(server.url);
  });
  afterAll(async () => {
    socket?.close();
    await server?.destroy();
  });

  const orders = async () =>
    (await server.context.db.query('SELECT count(*)::int AS n FROM orders')).rows[0].n as number;

  it.each([
    ['out-of-bounds x', { pixels: [{ x: 100, y: 0, color: 0 }] }],
    ['out-of-bounds y', { pixels: [{ x: 0, y: 50, color: 0 }] }],
    ['negative coordinate', { pixels: [{ x: -1, y: 0, color: 0 }] }],
    ['non-integer coordinate', { pixels: [{ x: 1.5, y: 0, color: 0 }] }],
    ['colour index past the palette', { pixels: [{ x: 0, y: 0, color: 16 }] }],
    ['colour not in the palette', { pixels: [{ x: 0, y: 0, color: '#010203' }] }],
    ['zero pixels', { pixels: [] }],
    ['too many pixels', { pixels: Array.from({ length: 11 }, (_, x) => ({ x, y: 0, color: 0 })) }],
    [
      'the same coordinate twice',
      {
        pixels: [
          { x: 3, y: 3, color: 1 },
          { x: 3, y: 3, color: 2 },
        ],
      },
    ],
    ['wrong types', { pixels: [{ x: '0', y: null, color: true }] }],
    ['no pixels field', { name: 'x' }],
    ['an array body', [1, 2, 3]],
  ])('POST /api/orders with %s: 400 invalid_request', async (_label, body) => {
    const before = await orders();
    const response = await api<ErrorBody>(server.url, '/api/orders', { body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message.length).toBeGreaterThan(3);
    expect(await orders()).toBe(before);
  });

  it('malformed JSON: 400 invalid_json', async () => {
    const response = await api<ErrorBody>(server.url, '/api/orders', { rawBody: '{"pixels": [' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_json');
  });

  it('an oversized body: 413 body_too_large', async () => {
    const huge = JSON.stringify({
      pixels: [],
      pad: 'x'.repeat(server.context.config.maxBodyBytes + 1),
    });
    const response = await api<ErrorBody>(server.url, '/api/orders', { rawBody: huge });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('body_too_large');
  });

  it.each([
    ['/api/orders/not-a-uuid', 400, 'invalid_request'],
    ['/api/orders/6f1c2d8e-0000-4000-8000-000000000000', 404, 'order_not_found'],
    ['/api/pixels/100/0', 400, 'invalid_request'],
    ['/api/pixels/a/b', 400, 'invalid_request'],
    ['/api/pixels/%E0%A4%A/1', 400, 'invalid_request'],
    ['/api/changes', 400, 'invalid_request'],
    ['/api/changes?since=-1', 400, 'invalid_request'],
    ['/api/canvas.png?seq=abc', 400, 'invalid_request'],
    ['/api/canvas.png?seq=99', 400, 'invalid_request'],
    ['/api/nothing-here', 404, 'not_found'],
  ])('GET %s: %i %s', async (path, status, code) => {
    const response = await api<ErrorBody>(server.url, path);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it.each([
    ['no paymentRequest', {}],
    ['a paymentRequest that is not BOLT11', { paymentRequest: 'lnbc-nonsense' }],
  ])('POST /api/dev/pay with %s: 400', async (_label, body) => {
    const response = await api<ErrorBody>(server.url, '/api/dev/pay', { body });
    expect(response.status).toBe(400);
  });

  it('socket events with bad payloads answer ok: false and keep the socket', async () => {
    const bad = await socket.emitWithAck('order:create', { pixels: [{ x: 999, y: 0, color: 0 }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const watch = await socket.emitWithAck('order:watch', { id: 42 } as never);
    expect(watch).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const since = await socket.emitWithAck('changes:since', { seq: 'x' } as never);
    expect(since).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // Events without an acknowledgement are ignored rather than crashing anything.
    (socket as unknown as { emit: (...args: unknown[]) => void }).emit('order:create', 'junk');
    const settings = await socket.emitWithAck('settings:get', {});
    expect(settings).toMatchObject({ ok: true, width: 100, height: 50 });
    expect(server.context.changeLog.board.seq).toBe(0);
  });
});
