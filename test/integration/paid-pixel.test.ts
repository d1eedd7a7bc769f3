import { parsePaymentRequest } from 'invoices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrder, OrderView } from '../../protocol/orders';
import type { BoardSettings } from '../../protocol/settings';
import type { PixelHistory } from '../../protocol/pixel-history';
import { api, connectViewer, nextEvent, type TestSocket } from '../support/api-client';
import { fetchBoard } from '../support/board-png';
import { startTestServer, type TestServer } from '../support/test-server';

describe('a paid pixel, end to end (PostgreSQL + LND simulator over gRPC)', () => {
  let server: TestServer;
  let viewers: TestSocket[];

  beforeAll(async () => {
    server = await startTestServer();
    viewers = await Promise.all([connectViewer(server.url), connectViewer(server.url)]);
  });
  afterAll(async () => {
    viewers?.forEach((socket) => socket.close());
    await server?.destroy();
  });

  it('serves the settings of a white 1000x1000 board run by the simulator', async () => {
    const { status, body } = await api<BoardSettings>(server.url, '/api/settings');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      width: 1000,
      height: 1000,
      pricePerPixelSat: 1,
      maxPixelsPerOrder: 250_000,
      invoiceExpirySeconds: 600,
      network: 'regtest',
      simulated: true,
      seq: 0,
    });
    expect(body.palette).toHaveLength(16);
    const board = await fetchBoard(server.url);
    expect(board.width).toBe(1000);
    expect(board.colorAt(999, 999)).toBe('#ffffff');
  });

  it('orders, pays, broadcasts, records and renders', async () => {
    const created = await api<CreatedOrder>(server.url, '/api/orders', {
      body: {
        pixels: [
          { x: 10, y: 20, color: 5 },
          { x: 11, y: 20, color: '#4aba38' },
        ],
        name: 'alice',
        message: 'first!',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', pixelCount: 2, amountSat: 2 });
    const invoice = parsePaymentRequest({ request: created.body.paymentRequest });
    expect(created.body.paymentRequest).toMatch(/^lnbcrt/);
    expect(invoice.id).toBe(created.body.paymentHash);
    expect(invoice.tokens).toBe(2);
    expect(invoice.description).toContain('2 pixels');

    const received = viewers.map((socket) =>
      nextEvent(socket, 'changes', ({ changes }) =>
        changes.some((change) => change.pixels.length === 2),
      ),
    );
    const paid = await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: created.body.paymentRequest },
    });
    expect(paid).toMatchObject({ status: 200, body: { settled: true } });

    const messages = await Promise.all(received);
    // The first paint's feed news rides along in the same message (no broadcast of its own).
    expect(messages[1].feed).toEqual([
      expect.objectContaining({
        orderId: created.body.id,
        name: 'alice',
        message: 'first!',
        area: { x: 10, y: 20, width: 2, height: 1 },
      }),
    ]);
    const feed = await api<{ entries: unknown[] }>(server.url, '/api/feed');
    expect(feed.body.entries[0]).toMatchObject({
      orderId: created.body.id,
      pixelCount: 2,
      area: { x: 10, y: 20, width: 2, height: 1 },
    });
    for (const message of messages) {
      expect(message.changes).toEqual([
        {
          seq: 1,
          kind: 'paint',
          pixels: [
            [10, 20, 5],
            [11, 20, 10],
          ],
        },
      ]);
    }
    const order = await api<OrderView>(server.url, `/api/orders/${created.body.id}`);
    expect(order.body).toMatchObject({ status: 'paid', seq: 1, pixelCount: 2, amountSat: 2 });
    expect(order.body.paidAt).toBeDefined();

    const png = await fetch(`${server.url}/api/canvas.png`);
    expect(png.headers.get('x-canvas-seq')).toBe('1');
    const board = await fetchBoard(server.url);
    expect(board.colorAt(10, 20)).toBe('#d4361e');
    expect(board.colorAt(11, 20)).toBe('#4aba38');
    expect(board.colorAt(12, 20)).toBe('#ffffff');

    const history = await api<PixelHistory>(server.url, '/api/pixels/10/20');
    expect(history.body).toMatchObject({
      x: 10,
      y: 20,
      color: 5,
      history: [
        {
          seq: 1,
          kind: 'paint',
          color: 5,
          orderId: created.body.id,
          amountSat: 2,
          orderPixels: 2,
          name: 'alice',
          message: 'first!',
        },
      ],
    });
    const changes = await api<{ seq: number; changes: unknown[] }>(
      server.url,
      '/api/changes?since=0',
    );
    expect(changes.body).toMatchObject({
      seq: 1,
      changes: [
        {
          seq: 1,
          kind: 'paint',
          pixels: [
            [10, 20, 5],
            [11, 20, 10],
          ],
        },
      ],
    });
  });

  it('answers 304 to a board it already sent', async () => {
    const first = await fetch(`${server.url}/api/canvas.png`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/api/canvas.png`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('paints a settlement delivered twice only once', async () => {
    const created = await api<CreatedOrder>(server.url, '/api/orders', {
      body: { pixels: [{ x: 1, y: 1, color: 3 }] },
    });
    const seqBefore = server.context.changeLog.board.seq;
    await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: created.body.paymentRequest },
    });
    // The node's stream delivers the same settlement too; and a third copy, for good measure.
    await server.context.settlements.settle(created.body.paymentHash);
    await server.context.settlements.settle(created.body.paymentHash);
    expect(server.context.changeLog.board.seq).toBe(seqBefore + 1);
    const count = await server.context.db.query(
      'SELECT count(*)::int AS n FROM changes WHERE order_id = $1',
      [created.body.id],
    );
    expect(count.rows[0].n).toBe(1);
    const second = await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: created.body.paymentRequest },
    });
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ error: { code: 'invalid_request' } });
    expect(JSON.stringify(second.body)).toMatch(/already paid/);
  });

  it("pays with the test wallet only invoices of the board's own pending orders", async () => {
    // A real invoice of the same node that no order of this board asked for.
    const foreign = await server.context.lightning.createInvoice({
      amountMsat: 21_000_000,
      description: 'someone else',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const refused = await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: foreign.paymentRequest },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/only invoices of this board's own orders/);
    expect((await server.context.lightning.lookupInvoice(foreign.paymentHash)).state).toBe('open');
  });

  it('tells a socket that created an order when it is paid', async () => {
    const socket = viewers[0];
    const created = await socket.emitWithAck('order:create', {
      pixels: [{ x: 5, y: 5, color: 1 }],
    });
    if (!created.ok) throw new Error(created.error.message);
    const paidEvent = nextEvent(socket, 'order', (event) => event.id === created.id);
    await api(server.url, '/api/dev/pay', { body: { paymentRequest: created.paymentRequest } });
    expect(await paidEvent).toMatchObject({ id: created.id, status: 'paid' });
    const since = await socket.emitWithAck('changes:since', { seq: 0 });
    expect(since.ok && since.changes?.length).toBe(since.ok ? since.seq : -1);
  });
});
