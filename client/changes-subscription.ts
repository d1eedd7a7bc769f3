import type { WireChange } from '../protocol/changes';
import type { BoardSocket } from './board-socket';

export interface ChangesHandlers {
  /** Changes in seq order, each delivered once, with none missing (after a gap, caught up first). */
  onChanges(changes: WireChange[]): void;
  /** The client is too far behind (or a change was too large to send): reload the board PNG. */
  onReload?(seq: number): void;
  onError?(error: Error): void;
}

export interface ChangesSubscription {
  /** The last seq delivered (or reloaded to). */
  readonly seq: number;
  /** Resolves once the subscription is live and caught up to the server's seq at that time. */
  readonly ready: Promise<void>;
  stop(): void;
}

/**
 * Follows the board's changes on `socket` from `since` (default: the seq of the first `hello`).
 * Every `hello` (each reconnection) and every gap asks `changes:since` for what was missed, so
 * after a reconnect the handler sees exactly the changes it would have seen connected.
 */
export function subscribeChanges(
  socket: BoardSocket,
  handlers: ChangesHandlers,
  since?: number,
): ChangesSubscription {
  let lastSeq = since ?? -1;
  let catchingUp = false;
  let buffered: WireChange[] = [];
  let stopped = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const deliver = (changes: WireChange[]) => {
    const fresh = changes.filter((change) => change.seq > lastSeq);
    if (fresh.length === 0) return;
    lastSeq = fresh[fresh.length - 1].seq;
    handlers.onChanges(fresh);
  };

  const catchUp = async (target: number) => {
    catchingUp = true;
    try {
      while (!stopped && lastSeq < target) {
        const answer = await socket.timeout(10_000).emitWithAck('changes:since', { seq: lastSeq });
        if (!answer.ok) throw new Error(`changes:since: ${answer.error.message}`);
        if (answer.reload) {
          lastSeq = answer.seq;
          handlers.onReload?.(answer.seq);
          break;
        }
        if (answer.changes.length === 0) break;
        deliver(answer.changes);
        target = Math.max(target, answer.seq);
      }
      const held = buffered;
      buffered = [];
      const gap = held.length > 0 && held[0].seq > lastSeq + 1;
      if (gap) return void (await catchUp(held[held.length - 1].seq));
      deliver(held);
      markReady();
    } catch (error) {
      handlers.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      catchingUp = false;
    }
  };

  const onHello = ({ seq }: { seq: number }) => {
    if (lastSeq < 0) lastSeq = seq;
    if (catchingUp) return;
    if (seq > lastSeq) void catchUp(seq);
    else markReady();
  };
  const onChanges = ({ changes }: { changes: WireChange[] }) => {
    if (lastSeq < 0) return; // not greeted yet: hello's seq comes first
    if (catchingUp) return void buffered.push(...changes);
    if (changes.length > 0 && changes[0].seq > lastSeq + 1) {
      buffered.push(...changes);
      void catchUp(changes[0].seq - 1);
      return;
    }
    deliver(changes);
  };
  const onReload = ({ seq }: { seq: number }) => {
    lastSeq = seq;
    handlers.onReload?.(seq);
  };

  socket.on('hello', onHello);
  socket.on('changes', onChanges);
  socket.on('reload', onReload);
  // Already connected and greeted: catch up from `since`, or start from the board's seq now.
  if (socket.connected && since !== undefined) void catchUp(Number.MAX_SAFE_INTEGER);
  else if (socket.connected) {
    socket
      .timeout(10_000)
      .emitWithAck('settings:get', {})
      .then((answer) => {
        if (!answer.ok) throw new Error(`settings:get: ${answer.error.message}`);
        onHello({ seq: answer.seq });
      })
      .catch((error: unknown) =>
        handlers.onError?.(error instanceof Error ? error : new Error(String(error))),
      );
  }
  return {
    get seq() {
      return lastSeq;
    },
    ready,
    stop() {
      stopped = true;
      socket.off('hello', onHello);
      socket.off('changes', onChanges);
      socket.off('reload', onReload);
    },
  };
}
