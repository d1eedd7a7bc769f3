import type { Logger } from 'pino';
import type { Db } from '../../db/pool';
import type { Config } from '../config';
import type { AppliedListener, ChangeLog } from '../history/change-log';
import { useClusterAdapter } from './cluster-adapter';
import type { BoardServer } from './socket-api';

/** Safety net: read the log even if a `board:changed` message was lost. */
const CATCH_UP_EVERY_MS = 1_000;

export interface ClusterDeps {
  clusterAdapter: Config['clusterAdapter'];
  /** Redis for CLUSTER_ADAPTER=redis. */
  redisUrl: string | undefined;
  /** The database the postgres adapter talks through. */
  db: Db;
  /** Reads and applies what other instances wrote. */
  changeLog: ChangeLog;
  log: Logger;
}

/**
 * Scale-out (CLUSTER_ADAPTER=postgres or redis): socket.io's adapter carries events between
 * instances. After writing changes an instance says so; the others read them from the
 * database, in seq order and without gaps, apply them, and send them to their own viewers.
 * Returns a stop function.
 */
export async function joinCluster(
  io: BoardServer,
  deps: ClusterDeps,
): Promise<{ onApplied: AppliedListener; stop: () => Promise<void> }> {
  if (deps.clusterAdapter === 'none') {
    return { onApplied: () => undefined, stop: async () => undefined };
  }
  const closeAdapter = await useClusterAdapter(io, deps, deps.db, deps.log);
  const catchUp = () =>
    void deps.changeLog
      .catchUp()
      .catch((error: unknown) =>
        deps.log.warn({ err: error }, 'catching up with the cluster failed'),
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
