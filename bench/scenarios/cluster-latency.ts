import type { BenchEnvironment } from '../support/environment';
import { quantile, round } from '../support/stats';
import { measureDelivery } from './settle-latency';

export interface ClusterLatencyResult {
  instances: number;
  viewersPerInstance: number;
  clusterP50Ms: number;
  clusterP99Ms: number;
  singleP50Ms: number;
  singleP99Ms: number;
}

/**
 * Settle -> every viewer on every instance of a cluster (only one instance paints each order;
 * the others read it back from the log), against one instance serving the same viewers.
 */
export async function measureClusterLatency(
  environment: BenchEnvironment,
  instances: number,
  viewersPerInstance: number,
  samples: number,
): Promise<ClusterLatencyResult> {
  const { latencies: cluster } = await measureDelivery(environment, {
    instances,
    viewersPerInstance,
    samples,
  });
  const { latencies: single } = await measureDelivery(environment, {
    instances: 1,
    viewersPerInstance: instances * viewersPerInstance,
    samples,
  });
  return {
    instances,
    viewersPerInstance,
    clusterP50Ms: round(quantile(cluster, 0.5), 2),
    clusterP99Ms: round(quantile(cluster, 0.99), 2),
    singleP50Ms: round(quantile(single, 0.5), 2),
    singleP99Ms: round(quantile(single, 0.99), 2),
  };
}
