import type { AppContext } from '../../app-context';
import { checkHealth } from '../../observability/health';
import { sendJson } from '../respond';
import type { Router } from '../router';

/** `GET /api/health` (200 when database and node are up, else 503) and `GET /api/metrics`. */
export function addObservabilityRoutes(router: Router, context: AppContext): void {
  router.add('GET', '/api/health', async (_req, res) => {
    const report = await checkHealth(context.db, context.node);
    sendJson(res, report.ok ? 200 : 503, report);
  });

  router.add('GET', '/api/metrics', async (_req, res) => {
    const { registry } = context.metrics;
    const text = await registry.metrics();
    res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
    res.end(text);
  });
}
