import type { AppContext } from '../app-context';
import type { AppliedListener } from '../history/change-log';
import { useClusterAdapter } from './cluster-adapter';
import type { BoardServer } from './socket-api';

/** Safety net: read the log even if a `board:changed` message was lost. */
const CATCH_UP_EVERY_MS = 1_000;

/**
 * Scale-out (CLUSTER_ADAPTER=postgres or redis): socket.io's adapter carries events between
 * instances. After writing changes an instance says so; the others read them from the
 * database, in seq order and without gaps, apply them, and send them to their own viewers.
 * Returns a stop function.
 */
export async function joinCluster(
  io: BoardServer,
  context: AppContext,
): Promise<{ onApplied: AppliedListener; stop: () => Promise<void> }> {
  if (context.config.clusterAdapter === 'none') {
    return { onApplied: () => undefined, stop: async () => undefined };
  }
  const closeAdapter = await useClusterAdapter(io, context.config, context.db, context.log);
  const catchUp = () =>
    void context.changeLog
      .catchUp()
      .catch((error: unknown) =>
        context.log.warn({ err: error }, 'catching up with the cluster failed'),
      );
  io.on('board:changed', catchUp);
  // After this instance wrote changes, the others are told to read them.
  const onApplied: AppliedListener = (changes, origin) => {
    if (origin === 'written') io.serverSideEmit('board:changed', changes[changes.length - 1].seq);
  };
  const timer = setInterval(catchUp, CATCH_UP_EVERY_MS);
  timer.unref();
  return {
    onApplied,
    stop: async () => {
      clearInterval(timer);
      await closeAdapter();
    },
  };
}
