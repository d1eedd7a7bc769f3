import type { Server, Socket } from 'socket.io';
import { changesSinceSchema, orderWatchSchema } from '../../protocol/socket-events';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../protocol/socket-events';
import type { Logger } from 'pino';
import type { Db } from '../../db/pool';
import type { BoardSettings } from '../../protocol/settings';
import type { Board } from '../canvas/board';
import { toErrorResponse } from '../error-response';
import { changesSince } from '../history/changes-since';
import type { RecentChanges } from '../history/recent-changes';
import { getOrder } from '../orders/get-order';
import { placeOrder, type PlaceOrderDeps } from '../orders/place-order';
import { clientKey as clientKeyOf } from '../http/client-address';
import { ReadGate } from '../http/read-gate';
import { parseInput } from '../validation';
import {
  capConnectionsPerClient,
  guardSocketEvents,
  socketEventLimiter,
  type ConnectionCapDeps,
} from './socket-guard';
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

export interface SocketApiDeps extends PlaceOrderDeps, ConnectionCapDeps {
  settings(): BoardSettings;
  board: Board;
  /** The history-read pool, apart from settlement's. */
  readDb: Db;
  recentChanges: RecentChanges;
  socketEventsPerMinute: number;
}

/**
 * The socket.io API of the default namespace (docs/socket-events.md), and the guards of every
 * connection (per-client cap, slow sockets dropped). Returns a function that stops the guards.
 */
export function attachSocketApi(io: BoardServer, deps: SocketApiDeps): () => void {
  capConnectionsPerClient(io.engine, deps);
  const stopDroppingSlowSockets = dropSlowSockets(io.engine);
  const limiter = socketEventLimiter(deps.socketEventsPerMinute);
  const { log } = deps;
  const historyReads = new ReadGate(HISTORY_READS_RUNNING, HISTORY_READS_WAITING);
  io.on('connection', (socket) => {
    guardSocketEvents(socket, limiter);
    const clientKey = clientKeyOf(socket.request, deps.trustProxy);
    socket.emit('hello', {
      seq: deps.board.seq,
      settings: deps.settings(),
      viewers: io.engine.clientsCount,
    });

    answer(socket, 'order:create', log, async (input) => {
      const order = await placeOrder(deps, input, clientKey);
      await socket.join(orderRoom(order.id));
      return order;
    });
    answer(socket, 'order:watch', log, async (input) => {
      const { id } = parseInput(orderWatchSchema, input);
      const order = await getOrder(deps.db, id);
      await socket.join(orderRoom(id));
      return { id, status: order.status, ...(order.seq !== undefined ? { seq: order.seq } : {}) };
    });
    answer(socket, 'changes:since', log, async (input) => {
      const { seq } = parseInput(changesSinceSchema, input);
      return historyReads.run(() =>
        changesSince(deps.readDb, deps.recentChanges, deps.board.seq, seq, CHANGES_SINCE_LIMIT),
      );
    });
    answer(socket, 'settings:get', log, async () => deps.settings());
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
  log: Logger,
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
        if (response.unexpected) log.error({ err: error, event }, 'socket handler failed');
        reply({ ok: false, error: response.body.error });
      },
    );
  };
  // The listener checks its own arguments, so it takes the event's typed slot.
  socket.on(event, listener as never);
}
