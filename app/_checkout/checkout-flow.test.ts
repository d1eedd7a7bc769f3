import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatedOrder, RequestedPixel } from '../../protocol/orders';
import type { BoardSocket, ConnectionStatus, OrderUpdate } from '../_board/board-connection';
import { Listeners } from '../_shared/listeners';
import { Store } from '../_shared/store';
import { CheckoutFlow } from './checkout-flow';

const pixels: RequestedPixel[] = [
  { x: 1, y: 2, color: 3 },
  { x: 4, y: 5, color: 6 },
];
const order = (id: string): CreatedOrder => ({
  id,
  status: 'pending',
  pixelCount: 2,
  amountSat: 42,
  paymentRequest: `lnbcrt-${id}`,
  paymentHash: 'hash',
  expiresAt: '2030-01-01T00:00:00.000Z',
});

/** A checkout over a fake draft and connection; `answers` are the API's, in turn. */
function checkout(answers: Response[]) {
  const orders = new Listeners<[OrderUpdate]>();
  const reconnects = new Listeners<[]>();
  const watched: string[] = [];
  const removed: RequestedPixel[][] = [];
  const requests: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      requests.push(JSON.parse(String(init.body)));
      return answers.shift();
    }),
  );
  const socket = {
    timeout: () => ({
      emitWithAck: async (_event: string, { id }: { id: string }) => {
        watched.push(id);
        return { ok: true, id, status: 'pending' };
      },
    }),
  } as unknown as BoardSocket;
  const flow = new CheckoutFlow({
    editor: {
      planOrders: () => ({ alreadyRight: 0, pixelCount: 2, priceSat: 42, orders: [pixels] }),
      remove: (paid) => void removed.push(paid),
    },
    connection: {
      board: null,
      socket,
      status: new Store<ConnectionStatus>({
        state: 'live',
        seq: 1,
        viewers: 1,
        settings: null,
        activity24h: null,
      }),
      onOrder: orders.add,
      onReconnect: reconnects.add,
    },
  });
  const stop = flow.follow();
  return { flow, stop, orders, reconnects, watched, removed, requests };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

afterEach(() => vi.unstubAllGlobals());

describe('CheckoutFlow', () => {
  it('creates the order, watches it, and takes paid pixels out of the draft', async () => {
    const { flow, orders, watched, removed, requests } = checkout([json(201, order('o1'))]);
    await flow.buy(' Ann ', '');
    expect(requests).toEqual([{ pixels, name: 'Ann' }]);
    expect(flow.state.get()).toMatchObject({ step: 'invoice', order: { id: 'o1' }, error: null });
    expect(watched).toEqual(['o1']);
    orders.emit({ id: 'other', status: 'paid' });
    expect(removed).toEqual([]);
    orders.emit({ id: 'o1', status: 'paid', seq: 9 });
    expect(flow.state.get().step).toBe('paid');
    expect(removed).toEqual([pixels]);
  });

  it('keeps the draft and shows the error when the order is refused', async () => {
    const refused = json(429, { error: { code: 'rate_limited', message: 'slow' } });
    const { flow, removed } = checkout([refused]);
    await flow.buy('', '');
    expect(flow.state.get()).toMatchObject({
      step: 'form',
      error: { code: 'rate_limited', text: 'Too many orders from you in a short time.' },
    });
    expect(removed).toEqual([]);
  });

  it('watches the open invoice again after a reconnection, and no longer once unsubscribed', async () => {
    const { flow, stop, orders, reconnects, watched, removed } = checkout([json(201, order('o2'))]);
    await flow.buy('', '');
    reconnects.emit();
    await vi.waitFor(() => expect(watched).toEqual(['o2', 'o2']));
    orders.emit({ id: 'o2', status: 'expired' });
    expect(flow.state.get().step).toBe('expired');
    stop();
    orders.emit({ id: 'o2', status: 'paid' });
    expect(flow.state.get().step).toBe('expired');
    expect(removed).toEqual([]);
  });
});
