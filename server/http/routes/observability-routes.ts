import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../app-context';
import { AppError } from '../../app-error';
import { checkHealth } from '../../observability/health';
import { sendJson } from '../respond';
import type { Router } from '../router';

/**
 * `GET /api/health` (200 when database and node are up, else 503) and `GET /api/metrics`
 * (with METRICS_TOKEN set, only for `Authorization: Bearer <token>`: else 401).
 */
export function addObservabilityRoutes(router: Router, context: AppContext): void {
  router.add('GET', '/api/health', async (_req, res) => {
    const report = await checkHealth(context.db, context.node);
    sendJson(res, report.ok ? 200 : 503, report);
  });

  const metricsToken = context.config.edge.metricsToken;
  const expected = metricsToken === undefined ? null : digest(`Bearer ${metricsToken}`);
  router.add('GET', '/api/metrics', async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      throw new AppError('unauthorized', 'A valid metrics token is required.', 401);
    }
    const { registry } = context.metrics;
    const text = await registry.metrics();
    res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
    res.end(text);
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
