import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardDataUrl } from './board-data-url';
import { CoalescedBoardPushes, PUSH_EVERY_MS, type SettledOrder } from './board-pushes';
import type { LegacyNamespace, LegacySocket } from './legacy-namespace';

interface Sent {
  to: string[];
  event: string;
  payload: { data?: unknown };
}

/** A namespace of fake sockets whose WebSocket buffer the test sets. */
function fakeNamespace() {
  const sent: Sent[] = [];
  const sockets = new Map<string, LegacySocket>();
  const buffered = new Map<string, { bufferedAmount: number }>();
  const nsp = {
    sockets,
    local: {
      to: (to: string[]) => ({
        emit: (event: string, payload: { data?: unknown }) => sent.push({ to, event, payload }),
      }),
    },
  } as unknown as LegacyNamespace;
  const connect = (id: string) => {
    const ws = { bufferedAmount: 0 };
    buffered.set(id, ws);
    const socket = {
      id,
      conn: { readyState: 'open', transport: { name: 'websocket', socket: ws } },
      once: () => undefined,
    } as unknown as LegacySocket;
    sockets.set(id, socket);
    return socket;
  };
  return { nsp, sent, connect, buffered };
}

const order = (n: number): SettledOrder => ({
  paymentRequest: `lnbcrt${n}`,
  sessionId: `s${n}`,
  pixelsPaintedCount: n,
});

describe('CoalescedBoardPushes', () => {
  afterEach(() => vi.useRealTimers());

  it('sends one image per push, on the last order of it, to every socket that keeps up', async () => {
    vi.useFakeTimers();
    const { nsp, sent, connect } = fakeNamespace();
    let version = 0;
    const image = { get: async () => `data:image/png;base64,v${++version}` } as BoardDataUrl;
    const pushes = new CoalescedBoardPushes(nsp, image, (error) => {
      throw error;
    });
    pushes.join(connect('a'));
    pushes.join(connect('b'));
    pushes.add([order(1), order(2)]);
    pushes.add([order(3)]);
    await vi.advanceTimersByTimeAsync(PUSH_EVERY_MS);
    expect(sent.map(({ to, payload }) => [to, payload.data])).toEqual([
      [['a', 'b'], { ...order(1), image: '' }],
      [['a', 'b'], { ...order(2), image: '' }],
      [['a', 'b'], { ...order(3), image: 'data:image/png;base64,v1' }],
    ]);
    pushes.stop();
  });

  it('skips a socket that has not drained, then gives it what it missed and the latest image', async () => {
    vi.useFakeTimers();
    const { nsp, sent, connect, buffered } = fakeNamespace();
    let version = 0;
    const image = { get: async () => `v${++version}` } as BoardDataUrl;
    const pushes = new CoalescedBoardPushes(nsp, image, (error) => {
      throw error;
    });
    pushes.join(connect('fast'));
    pushes.join(connect('slow'));
    buffered.get('slow')!.bufferedAmount = 700_000;
    for (let n = 1; n <= 4; n++) {
      pushes.add([order(n)]);
      await vi.advanceTimersByTimeAsync(PUSH_EVERY_MS);
    }
    expect(sent.every(({ to }) => !to.includes('slow'))).toBe(true);
    expect(sent.filter(({ to }) => to.includes('fast'))).toHaveLength(4);
    sent.length = 0;
    buffered.get('slow')!.bufferedAmount = 0;
    await vi.advanceTimersByTimeAsync(PUSH_EVERY_MS);
    expect(sent.map(({ to, payload }) => [to, payload.data])).toEqual([
      [['slow'], { ...order(1), image: '' }],
      [['slow'], { ...order(2), image: '' }],
      [['slow'], { ...order(3), image: '' }],
      [['slow'], { ...order(4), image: `v${version}` }],
    ]);
    pushes.stop();
  });

  it('answers every GET_LATEST_PIXELS of a push with one message', async () => {
    vi.useFakeTimers();
    const { nsp, sent, connect } = fakeNamespace();
    const image = { get: async () => 'board' } as BoardDataUrl;
    const pushes = new CoalescedBoardPushes(nsp, image, () => undefined);
    for (const id of ['a', 'b', 'c']) {
      const socket = connect(id);
      pushes.join(socket);
      pushes.requestImage(socket);
    }
    await vi.advanceTimersByTimeAsync(PUSH_EVERY_MS);
    expect(sent).toEqual([
      { to: ['a', 'b', 'c'], event: 'GET_LATEST_PIXELS_RESULT', payload: { data: 'board' } },
    ]);
    pushes.stop();
  });
});
