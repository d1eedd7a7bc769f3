import { ChangeSequencer } from '../protocol/change-sequencer';
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
 * after a reconnect the handler sees exactly the changes it would have seen connected. The
 * ordering is the page's own (protocol/change-sequencer.ts).
 */
export function subscribeChanges(
  socket: BoardSocket,
  handlers: ChangesHandlers,
  since?: number,
): ChangesSubscription {
  const sequencer = new ChangeSequencer(); // holds changes until it knows where it starts
  let catchingUp = false;
  let stopped = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const deliver = (changes: WireChange[]) => {
    if (changes.length > 0) handlers.onChanges(changes);
  };

  /** Asks `changes:since` until the server's seq is reached, then lets live changes through. */
  const catchUp = async () => {
    catchingUp = true;
    sequencer.hold();
    try {
      for (;;) {
        if (stopped) return;
        const seq = sequencer.currentSeq ?? 0;
        const answer = await socket.timeout(10_000).emitWithAck('changes:since', { seq });
        if (!answer.ok) throw new Error(`changes:since: ${answer.error.message}`);
        if (answer.reload) {
          handlers.onReload?.(answer.seq);
          deliver(sequencer.reset(answer.seq).apply);
          break;
        }
        if (answer.changes.length === 0) {
          // Nothing more to fetch now: let live changes through; a hole among them is asked
          // again shortly rather than in a tight loop.
          const rest = sequencer.resume();
          deliver(rest.apply);
          if (rest.gap) setTimeout(() => !stopped && !catchingUp && void catchUp(), 1_000);
          break;
        }
        const result = sequencer.resume(answer.changes, answer.seq);
        deliver(result.apply);
        if (!result.gap) break;
      }
      markReady();
    } catch (error) {
      handlers.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      catchingUp = false;
    }
  };

  const onHello = ({ seq }: { seq: number }) => {
    if (sequencer.currentSeq === null) {
      // First greeting: start from `since` (and catch up), or from the board as it is now.
      if (since === undefined) deliver(sequencer.reset(seq).apply);
      else sequencer.reset(since);
    }
    if (catchingUp) return;
    if (seq > (sequencer.currentSeq ?? 0)) void catchUp();
    else markReady();
  };
  const onChanges = ({ changes }: { changes: WireChange[] }) => {
    const result = sequencer.receive(changes); // held while not greeted or catching up
    deliver(result.apply);
    if (result.gap && !catchingUp) void catchUp();
  };
  const onReload = ({ seq }: { seq: number }) => {
    handlers.onReload?.(seq);
    deliver(sequencer.reset(seq).apply);
  };

  socket.on('hello', onHello);
  socket.on('changes', onChanges);
  socket.on('reload', onReload);
  // Already connected and greeted: ask the board's seq now, as a hello would give it.
  if (socket.connected) {
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
      return sequencer.currentSeq ?? -1;
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
