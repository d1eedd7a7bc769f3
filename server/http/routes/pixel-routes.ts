import { pixelCoordinatesSchema } from '../../../protocol/http-schemas';
import { pixelHistory } from '../../../db/queries/pixel-history';
import type { Db } from '../../../db/pool';
import { databaseCall } from '../../app-error';
import type { Board } from '../../canvas/board';
import { parseInput } from '../../validation';
import { sendJson } from '../respond';
import type { Router } from '../router';

const HISTORY_LIMIT = 100;

export interface PixelRoutesDeps {
  db: Db;
  board: Board;
}

/** `GET /api/pixels/:x/:y`: colour now and history, newest first. */
export function addPixelRoutes(router: Router, deps: PixelRoutesDeps): void {
  const coordinates = pixelCoordinatesSchema(deps.board);
  router.add('GET', '/api/pixels/:x/:y', async (_req, res, params) => {
    const { x, y } = parseInput(coordinates, params);
    const history = await databaseCall(() => pixelHistory(deps.db, x, y, HISTORY_LIMIT));
    sendJson(res, 200, { x, y, color: deps.board.colorAt(x, y), history });
  });
}
