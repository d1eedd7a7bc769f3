import { pixelCoordinatesSchema } from '../../../protocol/http-schemas';
import { pixelHistory } from '../../../db/queries/pixel-history';
import type { AppContext } from '../../app-context';
import { databaseCall } from '../../app-error';
import { parseInput } from '../../validation';
import { sendJson } from '../respond';
import type { Router } from '../router';

const HISTORY_LIMIT = 100;

/** `GET /api/pixels/:x/:y`: colour now and history, newest first. */
export function addPixelRoutes(router: Router, context: AppContext): void {
  const coordinates = pixelCoordinatesSchema(context.config);
  router.add('GET', '/api/pixels/:x/:y', async (_req, res, params) => {
    const { x, y } = parseInput(coordinates, params);
    const history = await databaseCall(() => pixelHistory(context.db, x, y, HISTORY_LIMIT));
    sendJson(res, 200, { x, y, color: context.changeLog.board.colorAt(x, y), history });
  });
}
