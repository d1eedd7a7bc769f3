import { createAdapter } from '@socket.io/postgres-adapter';
import type { AppContext } from '../app-context';
import type { BoardServer } from './socket-api';

/** Safety net: read the log even if a `board:changed` message was lost. */
const CATCH_UP_EVERY_MS = 1_000;
const ATTACHMENTS_CLEANUP_MS = 30_000;

/**
 * Scale-out (CLUSTER_ADAPTER=postgres): socket.io's postgres adapter carries events between
 * instances through the PostgreSQL they share. After writing changes an instance says so;
 * the others read them from the database, in seq order and without gaps, apply them, and
 * send them to their own viewers. Returns a stop function.
 */
export function joinCluster(io: BoardServer, context: AppContext): () => void {
  if (context.config.clusterAdapter === 'none') return () => undefined;
  io.adapter(
    createAdapter(context.db, {
      tableName: 'socket_io_attachments',
      cleanupInterval: ATTACHMENTS_CLEANUP_MS,
      errorHandler: (error) => context.log.warn({ err: error }, 'cluster adapter error'),
    }),
  );
  const catchUp = () =>
    void context.changeLog
      .catchUp()
      .catch((error: unknown) =>
        context.log.warn({ err: error }, 'catching up with the cluster failed'),
      );
  io.on('board:changed', catchUp);
  context.changeLog.onApplied((changes, origin) => {
    if (origin === 'written') io.serverSideEmit('board:changed', changes[changes.length - 1].seq);
  });
  const timer = setInterval(catchUp, CATCH_UP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
