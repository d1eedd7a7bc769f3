import type { Server, Socket } from 'socket.io';
import { changesSinceSchema, orderWatchSchema } from '../../protocol/socket-events';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../protocol/socket-events';
import { boardSettings, type AppContext } from '../app-context';
import { toErrorResponse } from '../error-response';
import { changesSince } from '../history/changes-since';
import { getOrder } from '../orders/get-order';
import { placeOrder } from '../orders/place-order';
import { clientKey as clientKeyOf } from '../http/client-address';
import { ReadGate } from '../http/read-gate';
import { parseInput } from '../validation';
import { capConnectionsPerClient, guardSocketEvents, socketEventLimiter } from './socket-guard';
import { dropSlowSockets } from './slow-socket-guard';

/** Messages between instances (through the cluster adapter). */
export interface InterServerEvents {
  /** An instance wrote changes up to this seq: the others read them from the database. */
  'board:changed': (seq: number) => void;
  /** How many viewers an instance has (the answer). */
  'viewers:count': (answer: (count: number) => void) => void;
}

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const CHANGES_SINCE_LIMIT = 1000;
/** Catch-up reads from the database at once (the rest come from memory), and waiting. */
const HISTORY_READS_RUNNING = 1;
const HISTORY_READS_WAITING = 50;

export function orderRoom(orderId: string): string {
  return `order:${orderId}`;
}

/**
 * The socket.io API of the default namespace (docs/socket-events.md), and the guards of every
 * connection (per-client cap, slow sockets dropped). Returns a function that stops the guards.
 */
export function attachSocketApi(io: BoardServer, context: AppContext): () => void {
  capConnectionsPerClient(io.engine, context);
  const stopDroppingSlowSockets = dropSlowSockets(io.engine);
  const limiter = socketEventLimiter(context);
  const historyReads = new ReadGate(HISTORY_READS_RUNNING, HISTORY_READS_WAITING);
  io.on('connection', (socket) => {
    guardSocketEvents(socket, limiter);
    const clientKey = clientKeyOf(socket.request, context.config.edge.trustProxy);
    socket.emit('hello', {
      seq: context.changeLog.board.seq,
      settings: boardSettings(context),
      viewers: io.engine.clientsCount,
    });

    answer(socket, 'order:create', context, async (input) => {
      const order = await placeOrder(context, input, clientKey);
      await socket.join(orderRoom(order.id));
      return order;
    });
    answer(socket, 'order:watch', context, async (input) => {
      const { id } = parseInput(orderWatchSchema, input);
      const order = await getOrder(context.db, id);
      await socket.join(orderRoom(id));
      return { id, status: order.status, ...(order.seq !== undefined ? { seq: order.seq } : {}) };
    });
    answer(socket, 'changes:since', context, async (input) => {
      const { seq } = parseInput(changesSinceSchema, input);
      return historyReads.run(() =>
        changesSince(
          context.readDb,
          context.recentChanges,
          context.changeLog.board.seq,
          seq,
          CHANGES_SINCE_LIMIT,
        ),
      );
    });
    answer(socket, 'settings:get', context, async () => boardSettings(context));
  });
  return stopDroppingSlowSockets;
}

/**
 * Registers a handler whose result or error goes back through the acknowledgement. Events sent
 * without a callback, or with junk, are ignored rather than allowed to throw.
 */
function answer<E extends keyof ClientToServerEvents, T extends object>(
  socket: BoardSocket,
  event: E,
  context: AppContext,
  handle: (input: unknown) => Promise<T>,
): void {
  const listener = (...args: unknown[]) => {
    // The acknowledgement is the last argument; `settings:get` may be sent with it alone.
    const ack = args[args.length - 1];
    const input = args.length > 1 ? args[0] : undefined;
    if (typeof ack !== 'function') return;
    const reply = ack as Ack<T>;
    handle(input).then(
      (result) => reply({ ok: true, ...result }),
      (error: unknown) => {
        const response = toErrorResponse(error);
        if (response.unexpected) context.log.error({ err: error, event }, 'socket handler failed');
        reply({ ok: false, error: response.body.error });
      },
    );
  };
  // The listener checks its own arguments, so it takes the event's typed slot.
  socket.on(event, listener as never);
}
