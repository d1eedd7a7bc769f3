import { canvasQuerySchema, changesQuerySchema } from '../../../protocol/http-schemas';
import type { Db } from '../../../db/pool';
import type { BoardSettings } from '../../../protocol/settings';
import { AppError, databaseCall } from '../../app-error';
import type { Board } from '../../canvas/board';
import type { BoardPngCache } from '../../canvas/board-png-cache';
import type { PastBoards } from '../../history/board-at';
import { changesSince } from '../../history/changes-since';
import type { RecentChanges } from '../../history/recent-changes';
import { parseInput } from '../../validation';
import { ReadGate } from '../read-gate';
import { sendJson } from '../respond';
import type { Router } from '../router';

/** Catch-up reads from the database served at once over HTTP, and waiting for their turn. */
const HISTORY_READS_RUNNING = 1;
const HISTORY_READS_WAITING = 4;

export interface BoardRoutesDeps {
  settings(): BoardSettings;
  board: Board;
  pngCache: BoardPngCache;
  pastBoards: PastBoards;
  /** The history-read pool, apart from settlement's. */
  readDb: Db;
  recentChanges: RecentChanges;
}

/**
 * `GET /api/settings`, `GET /api/canvas.png`, `GET /api/changes`. History reads (past boards,
 * catch-up beyond memory) use their own database pool and are bounded in number; past their
 * bound they answer 503 `busy` with Retry-After.
 */
export function addBoardRoutes(router: Router, deps: BoardRoutesDeps): void {
  const historyReads = new ReadGate(HISTORY_READS_RUNNING, HISTORY_READS_WAITING);
  router.add('GET', '/api/settings', async (_req, res) => sendJson(res, 200, deps.settings()));

  router.add('GET', '/api/canvas.png', async (req, res, _params, url) => {
    const { seq } = parseInput(canvasQuerySchema, Object.fromEntries(url.searchParams));
    const { board } = deps;
    if (seq !== undefined && seq !== board.seq) {
      if (seq > board.seq)
        throw new AppError('invalid_request', `seq: the board is only at ${board.seq}`, 400);
      // Past boards bound their own builds (same seq shared, one build at a time).
      const png = await historyCall(() => deps.pastBoards.png(seq));
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': png.length,
        'X-Canvas-Seq': String(seq),
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : png);
      return;
    }
    const current = await deps.pngCache.get();
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
    const result = await historyReads.run(() =>
      historyCall(() =>
        changesSince(deps.readDb, deps.recentChanges, deps.board.seq, since, limit),
      ),
    );
    sendJson(res, 200, result);
  });
}

/** A history read: its own refusals (busy) pass through; a database failure is a clear 503. */
async function historyCall<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    return databaseCall(() => Promise.reject(error));
  }
}
