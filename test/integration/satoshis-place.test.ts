import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LegacyClientToServerEvents,
  LegacyServerToClientEvents,
} from '../../protocol/satoshis-place';
import { api, connectViewer } from '../support/api-client';
import { decodeBoardPng } from '../support/board-png';
import { startTestServer, type TestServer } from '../support/test-server';

type OldBot = Socket<LegacyServerToClientEvents, LegacyClientToServerEvents>;
type Answer<E extends keyof LegacyServerToClientEvents> = Parameters<
  LegacyServerToClientEvents[E]
>[0];

/** Connects the way a 2018 bot did, to the `/satoshis-place` namespace. */
async function connectOldBot(url: string): Promise<OldBot> {
  const socket: OldBot = io(`${url}/satoshis-place`, { forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The next event of this name (old bots listen; there are no acknowledgements). */
function next<E extends keyof LegacyServerToClientEvents>(
  socket: OldBot,
  event: E,
  timeoutMs = 5000,
): Promise<Answer<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), timeoutMs);
    socket.once(event, ((payload: Answer<E>) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

describe('the satoshis.place socket API, driven like a 2018 bot', () => {
  let server: TestServer;
  let bot: OldBot;
  let watcher: OldBot;

  beforeAll(async () => {
    server = await startTestServer({ CANVAS_WIDTH: '100', CANVAS_HEIGHT: '100' });
    [bot, watcher] = await Promise.all([connectOldBot(server.url), connectOldBot(server.url)]);
  });
  afterAll(async () => {
    bot?.close();
    watcher?.close();
    await server?.destroy();
  });

  it('GET_SETTINGS answers the settings in the old shape', async () => {
    const answer = next(bot, 'GET_SETTINGS_RESULT');
    bot.emit('GET_SETTINGS');
    expect((await answer).data).toMatchObject({
      boardLength: 100,
      pricePerPixel: 1,
      invoiceExpiry: 600,
      orderPixelsLimit: 250_000,
    });
    expect((await answer).data?.colors).toHaveLength(16);
  });

  it('GET_LATEST_PIXELS answers a PNG data URL of the board', async () => {
    const answer = next(bot, 'GET_LATEST_PIXELS_RESULT');
    bot.emit('GET_LATEST_PIXELS');
    const { data } = await answer;
    expect(data).toMatch(/^data:image\/png;base64,/);
    const board = await decodeBoardPng(Buffer.from(data!.split(',')[1], 'base64'));
    expect(board.width).toBe(100);
  });

  it('NEW_ORDER gives an invoice; paying it pushes ORDER_SETTLED with the new board', async () => {
    const created = next(bot, 'NEW_ORDER_RESULT');
    bot.emit('NEW_ORDER', [
      { coordinates: [7, 8], color: '#d4361e' },
      { coordinates: [8, 8], color: '#3919d1' },
    ]);
    const { data } = await created;
    expect(data?.paymentRequest).toMatch(/^lnbcrt/);
    const settledForBot = next(bot, 'ORDER_SETTLED');
    const settledForWatcher = next(watcher, 'ORDER_SETTLED');
    const stats = next(watcher, 'BROADCAST_STATS', 10_000);
    const paid = await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: data!.paymentRequest },
    });
    expect(paid.status).toBe(200);
    const settled = (await settledForBot).data!;
    expect(settled).toMatchObject({
      paymentRequest: data!.paymentRequest,
      sessionId: bot.id,
      pixelsPaintedCount: 2,
    });
    expect((await settledForWatcher).data?.sessionId).toBe(bot.id);
    const board = await decodeBoardPng(Buffer.from(settled.image.split(',')[1], 'base64'));
    expect(board.colorAt(7, 8)).toBe('#d4361e');
    expect(board.colorAt(8, 8)).toBe('#3919d1');
    expect((await stats).data).toEqual({ pixelsPerDay: 2, transactionsPerDay: 1 });
  });

  it.each([
    ['coordinates off the board', [{ coordinates: [100, 0], color: '#ffffff' }], 'outside'],
    ['negative coordinates', [{ coordinates: [-1, 0], color: '#ffffff' }], ''],
    ['a colour not in the palette', [{ coordinates: [0, 0], color: '#123456' }], 'palette'],
    ['no pixels', [], 'at least one'],
    ['not an array', { coordinates: [0, 0] }, 'expected an array'],
    ['nothing at all', undefined, 'expected an array'],
  ])('NEW_ORDER with %s answers an error', async (_label, payload, part) => {
    const answer = next(bot, 'NEW_ORDER_RESULT');
    bot.emit('NEW_ORDER', payload);
    const { error, data } = await answer;
    expect(data).toBeUndefined();
    expect(error).toContain(part);
  });

  it('never pushes the board image to clients of the new API', async () => {
    const viewer = await connectViewer(server.url);
    const events: string[] = [];
    viewer.onAny((event: string) => events.push(event));
    const created = next(bot, 'NEW_ORDER_RESULT');
    bot.emit('NEW_ORDER', [{ coordinates: [1, 1], color: '#222222' }]);
    const settled = next(bot, 'ORDER_SETTLED');
    await api(server.url, '/api/dev/pay', {
      body: { paymentRequest: (await created).data!.paymentRequest },
    });
    await settled;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).not.toContain('ORDER_SETTLED');
    expect(events).toContain('changes');
    viewer.close();
  });
});

describe('the satoshis.place API goes through the same order limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ ORDER_RATE_LIMIT_PER_MINUTE: '6' });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('answers NEW_ORDER_RESULT with an error once rate limited', async () => {
    const bot = await connectOldBot(server.url);
    const answers: Array<Answer<'NEW_ORDER_RESULT'>> = [];
    bot.on('NEW_ORDER_RESULT', (answer) => answers.push(answer));
    for (let i = 0; i < 3; i++) bot.emit('NEW_ORDER', [{ coordinates: [i, 0], color: '#ffffff' }]);
    await new Promise<void>((resolve) => {
      const check = () => (answers.length === 3 ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(answers.filter((answer) => answer.data)).toHaveLength(1);
    expect(answers.filter((answer) => answer.error?.includes('Too many orders'))).toHaveLength(2);
    bot.close();
  });
});
