import { createHash } from 'node:crypto';
import { timelapseQuerySchema } from '../../../protocol/timelapse';
import type { Board } from '../../canvas/board';
import { planKey, planTimelapse } from '../../history/timelapse/timelapse-plan';
import { TimelapseRenderer } from '../../history/timelapse/timelapse-renderer';
import { parseInput } from '../../validation';
import type { Router } from '../router';

export interface TimelapseRouteDeps {
  /** Its size, and its seq now. */
  board: Board;
  palette: string[];
  /** The database the render worker reads the history from. */
  databaseUrl: string;
}

/**
 * `GET /api/timelapse.webp?fromSeq&toSeq&frames&scale`: public. The history as an animated
 * WebP, rendered in a worker and kept by plan (so by head seq when `toSeq` is left out);
 * its cost is capped by the frame and size limits and one render at a time.
 */
export function addTimelapseRoute(router: Router, deps: TimelapseRouteDeps): void {
  const renderer = new TimelapseRenderer(deps.databaseUrl, deps.palette);
  router.add('GET', '/api/timelapse.webp', async (req, res, _params, url) => {
    const query = parseInput(timelapseQuerySchema, Object.fromEntries(url.searchParams));
    const plan = planTimelapse(query, deps.board, deps.board.seq);
    const etag = `"timelapse-${createHash('sha256').update(planKey(plan)).digest('base64url')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      res.end();
      return;
    }
    const webp = await renderer.render(plan);
    res.writeHead(200, {
      'Content-Type': 'image/webp',
      'Content-Length': webp.length,
      ETag: etag,
      'Cache-Control':
        query.toSeq === undefined ? 'no-cache' : 'public, max-age=31536000, immutable',
      'X-Timelapse-Frames': String(plan.frameSeqs.length),
      'X-Canvas-Seq': String(plan.frameSeqs[plan.frameSeqs.length - 1]),
    });
    res.end(req.method === 'HEAD' ? undefined : webp);
  });
}
