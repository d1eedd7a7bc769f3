import type { OrderView } from '../protocol/orders';
import type { BoardSocket } from './board-socket';
import { requestJson } from './http-api';

export interface WaitForOrderOptions {
  /** Give up after this long (default: until the order is paid or expired). */
  timeoutMs?: number;
  /** HTTP polling interval, the fallback when the socket is down or misses the event. */
  pollMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_POLL_MS = 2_000;

/**
 * Resolves with the order once it is no longer pending (paid or expired). Listens for `order`
 * events after `order:watch` (re-sent on every reconnection) and polls `GET /api/orders/:id`
 * meanwhile, so a lost socket only slows it down. Rejects on timeout or abort.
 */
export function waitForOrder(
  baseUrl: string,
  socket: BoardSocket | null,
  id: string,
  options: WaitForOrderOptions = {},
): Promise<OrderView> {
  return new Promise<OrderView>((resolve, reject) => {
    let done = false;
    let polling = false;
    let timeoutTimer: NodeJS.Timeout | undefined;
    let pollTimer: NodeJS.Timeout | undefined;
    const finish = (error: Error | null, order?: OrderView) => {
      if (done) return;
      done = true;
      clearTimeout(timeoutTimer);
      clearTimeout(pollTimer);
      socket?.off('order', onEvent);
      socket?.off('connect', watch);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(order!);
    };
    const check = async () => {
      if (done || polling) return;
      polling = true;
      try {
        const order = await requestJson<OrderView>(baseUrl, `/api/orders/${id}`);
        if (order.status !== 'pending') finish(null, order);
      } catch {
        // the server may be restarting: keep trying until the timeout
      } finally {
        polling = false;
      }
    };
    const onEvent = (event: { id: string; status: string }) => {
      if (event.id === id && event.status !== 'pending') void check();
    };
    const watch = () => {
      socket?.emit('order:watch', { id }, (answer) => {
        if (answer.ok && answer.status !== 'pending') void check();
      });
    };
    const onAbort = () => finish(new Error('aborted'));
    const poll = () => {
      if (done) return;
      void check();
      pollTimer = setTimeout(poll, options.pollMs ?? DEFAULT_POLL_MS);
    };

    options.signal?.addEventListener('abort', onAbort);
    if (options.timeoutMs !== undefined) {
      timeoutTimer = setTimeout(
        () => finish(new Error(`order ${id} still pending after ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
    }
    socket?.on('order', onEvent);
    socket?.on('connect', watch);
    if (socket?.connected) watch();
    poll();
  });
}
