import type { BoardServer } from './socket-api';

const VIEWER_COUNT_EVERY_MS = 2_000;

/** Tells every viewer how many are watching, when the number changed. Returns a stop function. */
export function broadcastViewerCount(io: BoardServer): () => void {
  let last = -1;
  const timer = setInterval(() => {
    const count = io.engine.clientsCount;
    if (count === last) return;
    last = count;
    io.emit('viewers', { count });
  }, VIEWER_COUNT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
