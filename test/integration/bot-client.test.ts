import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoltboardClient, BoltboardApiError, type WireChange } from '../../client';
import { startTestServer, type TestServer } from '../support/test-server';

/** Orders one pixel and pays it with the simulator's test wallet; resolves with the order id. */
async function paintPixel(client: BoltboardClient, x: number, y: number, color: number) {
  const order = await client.createOrder({ pixels: [{ x, y, color }] });
  await client.devPay(order.paymentRequest);
  return order.id;
}

function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(check, 20);
    };
    check();
  });
}

describe('the typed bot client against a real server', () => {
  let server: TestServer;
  let client: BoltboardClient;

  beforeAll(async () => {
    server = await startTestServer({ CANVAS_WIDTH: '64', CANVAS_HEIGHT: '48' });
    client = new BoltboardClient(server.url + '/');
  });
  afterAll(async () => {
    client?.close();
    await server?.destroy();
  });

  it('reads the settings and the board as PNG and as palette indices', async () => {
    const settings = await client.settings();
    expect(settings).toMatchObject({ width: 64, height: 48, simulated: true });
    const { png } = await client.boardPng();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const board = await client.board();
    expect(board).toMatchObject({ width: 64, height: 48, seq: settings.seq });
    expect(board.pixels.every((index) => index === 0)).toBe(true);
  });

  it('orders, waits for the payment, sees the change and the pixel history', async () => {
    const seen: WireChange[] = [];
    const subscription = client.subscribeChanges({ onChanges: (changes) => seen.push(...changes) });
    await subscription.ready;
    const order = await client.createOrder({
      pixels: [{ x: 3, y: 4, color: '#d4361e' }],
      name: 'bot',
    });
    expect(order).toMatchObject({ status: 'pending', pixelCount: 1, amountSat: 1 });
    const paid = client.waitForOrder(order.id, { timeoutMs: 10_000 });
    await client.devPay(order.paymentRequest);
    const view = await paid;
    expect(view).toMatchObject({ id: order.id, status: 'paid' });
    await until(() => seen.some((change) => change.seq === view.seq));
    expect(seen.find((change) => change.seq === view.seq)?.pixels).toEqual([[3, 4, 5]]);
    const history = await client.pixelHistory(3, 4);
    expect(history).toMatchObject({ color: 5, history: [{ orderId: order.id, name: 'bot' }] });
    expect((await client.board()).pixels[4 * 64 + 3]).toBe(5);
    subscription.stop();
  });

  it('catches up by seq after a reconnection, each change once and in order', async () => {
    const seen: WireChange[] = [];
    const start = (await client.settings()).seq;
    const subscription = client.subscribeChanges(
      { onChanges: (changes) => seen.push(...changes) },
      start,
    );
    await paintPixel(client, 1, 1, 2);
    await until(() => seen.length === 1);
    const socket = client.connect();
    socket.disconnect();
    // Made while this client is away: it must not miss them.
    await paintPixel(client, 2, 1, 3);
    await paintPixel(client, 3, 1, 4);
    socket.connect();
    await until(() => seen.length === 3);
    await paintPixel(client, 4, 1, 6);
    await until(() => seen.length === 4);
    expect(seen.map((change) => change.seq)).toEqual([start + 1, start + 2, start + 3, start + 4]);
    expect(seen.map((change) => change.pixels[0])).toEqual([
      [1, 1, 2],
      [2, 1, 3],
      [3, 1, 4],
      [4, 1, 6],
    ]);
    expect(subscription.seq).toBe(start + 4);
    subscription.stop();
  });

  it('turns error answers into BoltboardApiError with the wire code', async () => {
    const failure = await client
      .createOrder({ pixels: [{ x: 64, y: 0, color: 0 }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BoltboardApiError);
    expect(failure).toMatchObject({ code: 'invalid_request', status: 400 });
  });
});
