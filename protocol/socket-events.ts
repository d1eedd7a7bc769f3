import { z } from 'zod';
import type { ChangesSinceResult, WireChange } from './changes';
import type { ErrorCode } from './errors';
import type { FeedEntry } from './feed';
import type { CreatedOrder, OrderRequestInput, OrderStatus } from './orders';
import type { BoardSettings } from './settings';

/** Every acknowledgement answers `{ ok: true, ... }` or `{ ok: false, error }`. */
export type Ack<T> = (
  answer: ({ ok: true } & T) | { ok: false; error: { code: ErrorCode; message: string } },
) => void;

/** Events the server sends on the default namespace. */
export interface ServerToClientEvents {
  hello: (payload: { seq: number; settings: BoardSettings; viewers: number }) => void;
  /** Changes in seq order; `feed` carries the live feed's news when it is due (at most once a second). */
  changes: (payload: { changes: WireChange[]; feed?: FeedEntry[] }) => void;
  reload: (payload: { seq: number }) => void;
  order: (payload: { id: string; status: OrderStatus; seq?: number }) => void;
  /** Connected viewers, sent when the count changes (at most every few seconds). */
  viewers: (payload: { count: number }) => void;
  /** Orders just painted, newest last, when no `changes` message was going out to carry them. */
  feed: (payload: { entries: FeedEntry[] }) => void;
}

/** Events a client sends on the default namespace, each with an acknowledgement. */
export interface ClientToServerEvents {
  'order:create': (request: OrderRequestInput, ack: Ack<CreatedOrder>) => void;
  'order:watch': (
    request: { id: string },
    ack: Ack<{ id: string; status: OrderStatus; seq?: number }>,
  ) => void;
  'changes:since': (request: { seq: number }, ack: Ack<ChangesSinceResult>) => void;
  'settings:get': (request: unknown, ack: Ack<BoardSettings>) => void;
}

export const orderWatchSchema = z.object({ id: z.uuid() });
export const changesSinceSchema = z.object({ seq: z.number().int().min(0) });
