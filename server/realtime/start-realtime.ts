import type { AppliedListener } from '../history/change-log';
import type { Metrics } from '../observability/metrics';
import { broadcastChanges, type BroadcastChangesDeps } from './broadcast-changes';
import { joinCluster, type ClusterDeps } from './cluster';
import { attachSatoshisPlaceApi, type SatoshisPlaceDeps } from './satoshis-place';
import { attachSocketApi, type BoardServer, type SocketApiDeps } from './socket-api';
import { broadcastViewerCount } from './viewer-count';

export type RealtimeDeps = SocketApiDeps &
  SatoshisPlaceDeps &
  BroadcastChangesDeps &
  ClusterDeps & {
    /** Counts this instance's viewers for the metrics. */
    metrics: Metrics;
  };

export interface StartedRealtime {
  /** Viewers, the feed and the metrics (server/after-commit.ts calls it). */
  viewers: AppliedListener;
  /** Other instances, told to read what this one wrote. */
  otherInstances: AppliedListener;
  /** satoshis.place bots: ORDER_SETTLED and the board image. */
  legacyBots: AppliedListener;
  stop(): Promise<void>;
}

/**
 * Everything socket.io serves: the cluster adapter (with CLUSTER_ADAPTER), the default
 * namespace's API and guards, the satoshis.place namespace, change broadcasts and the viewer
 * count. Returns the listeners that follow a commit and a stop that undoes it all in reverse.
 */
export async function startRealtime(io: BoardServer, deps: RealtimeDeps): Promise<StartedRealtime> {
  const cluster = await joinCluster(io, deps);
  const stopSocketApi = attachSocketApi(io, deps);
  const legacyBots = attachSatoshisPlaceApi(io, deps);
  const viewers = broadcastChanges(deps, io);
  deps.metrics.countViewers = () => io.engine.clientsCount;
  const stopViewerCount = broadcastViewerCount(io, deps.clusterAdapter !== 'none');
  return {
    viewers: viewers.onApplied,
    otherInstances: cluster.onApplied,
    legacyBots: legacyBots.onApplied,
    stop: async () => {
      stopViewerCount();
      viewers.stop();
      legacyBots.stop();
      stopSocketApi();
      await cluster.stop();
    },
  };
}
