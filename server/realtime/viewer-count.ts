import type { BoardServer } from './socket-api';

const VIEWER_COUNT_EVERY_MS = 2_000;
const ASK_OTHERS_TIMEOUT_MS = 1_000;

/**
 * Tells this instance's viewers how many people watch the board, when the number changed.
 * In a cluster each instance asks the others for their counts through the adapter (an
 * instance that does not answer in time leaves the last total in place). Returns a stop function.
 */
export function broadcastViewerCount(io: BoardServer, clustered: boolean): () => void {
  let last = -1;
  io.on('viewers:count', (answer) => answer(io.engine.clientsCount));
  const countAll = async (): Promise<number> => {
    const local = io.engine.clientsCount;
    if (!clustered) return local;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), ASK_OTHERS_TIMEOUT_MS);
    });
    try {
      const others: number[] = await Promise.race([
        io.serverSideEmitWithAck('viewers:count'),
        timeout,
      ]);
      return others.reduce((sum, count) => sum + count, local);
    } finally {
      clearTimeout(timer);
    }
  };
  const timer = setInterval(() => {
    countAll().then(
      (count) => {
        if (count === last) return;
        last = count;
        io.local.emit('viewers', { count });
      },
      () => undefined,
    );
  }, VIEWER_COUNT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
