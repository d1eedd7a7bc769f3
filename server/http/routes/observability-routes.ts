import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../../db/pool';
import { AppError } from '../../app-error';
import type { NodeWatcher } from '../../lightning/node-watcher';
import { checkHealth } from '../../observability/health';
import type { Metrics } from '../../observability/metrics';
import { sendJson } from '../respond';
import type { Router } from '../router';

export interface ObservabilityRoutesDeps {
  db: Db;
  node: NodeWatcher;
  metrics: Metrics;
  /** When set, `/api/metrics` asks for it as a bearer token. */
  metricsToken: string | undefined;
}

/**
 * `GET /api/health` (200 when database and node are up, else 503) and `GET /api/metrics`
 * (with METRICS_TOKEN set, only for `Authorization: Bearer <token>`: else 401).
 */
export function addObservabilityRoutes(router: Router, deps: ObservabilityRoutesDeps): void {
  router.add('GET', '/api/health', async (_req, res) => {
    const report = await checkHealth(deps.db, deps.node);
    sendJson(res, report.ok ? 200 : 503, report);
  });

  const { metricsToken } = deps;
  const expected = metricsToken === undefined ? null : digest(`Bearer ${metricsToken}`);
  router.add('GET', '/api/metrics', async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      throw new AppError('unauthorized', 'A valid metrics token is required.', 401);
    }
    const { registry } = deps.metrics;
    const text = await registry.metrics();
    res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
    res.end(text);
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
