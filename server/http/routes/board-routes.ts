import { canvasQuerySchema, changesQuerySchema } from '../../../protocol/http-schemas';
import { boardSettings, type AppContext } from '../../app-context';
import { AppError, databaseCall } from '../../app-error';
import { changesSince } from '../../history/changes-since';
import { parseInput } from '../../validation';
import { sendJson } from '../respond';
import type { Router } from '../router';

/** `GET /api/settings`, `GET /api/canvas.png`, `GET /api/changes`. */
export function addBoardRoutes(router: Router, context: AppContext): void {
  router.add('GET', '/api/settings', async (_req, res) =>
    sendJson(res, 200, boardSettings(context)),
  );

  router.add('GET', '/api/canvas.png', async (req, res, _params, url) => {
    const { seq } = parseInput(canvasQuerySchema, Object.fromEntries(url.searchParams));
    const board = context.changeLog.board;
    if (seq !== undefined && seq !== board.seq) {
      if (seq > board.seq)
        throw new AppError('invalid_request', `seq: the board is only at ${board.seq}`, 400);
      const png = await databaseCall(() => context.pastBoards.png(seq));
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': png.length,
        'X-Canvas-Seq': String(seq),
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : png);
      return;
    }
    const current = await context.pngCache.get();
    const headers = {
      ETag: current.etag,
      'X-Canvas-Seq': String(current.seq),
      'Cache-Control': 'no-cache',
      'Access-Control-Expose-Headers': 'ETag, X-Canvas-Seq',
    };
    if (req.headers['if-none-match'] === current.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'image/png',
      'Content-Length': current.png.length,
    });
    res.end(req.method === 'HEAD' ? undefined : current.png);
  });

  router.add('GET', '/api/changes', async (_req, res, _params, url) => {
    const { since, limit } = parseInput(changesQuerySchema, Object.fromEntries(url.searchParams));
    const result = await databaseCall(() =>
      changesSince(context.db, context.recentChanges, context.changeLog.board.seq, since, limit),
    );
    sendJson(res, 200, result);
  });
}
