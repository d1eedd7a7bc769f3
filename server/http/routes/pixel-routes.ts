import { z } from 'zod';
import { pixelHistory } from '../../../db/queries/pixel-history';
import type { AppContext } from '../../app-context';
import { databaseCall } from '../../app-error';
import { parseInput } from '../../validation';
import { sendJson } from '../respond';
import type { Router } from '../router';

const HISTORY_LIMIT = 100;

/** `GET /api/pixels/:x/:y`: colour now and history, newest first. */
export function addPixelRoutes(router: Router, context: AppContext): void {
  const { width, height } = context.config;
  const coordinates = z.object({
    x: z.coerce
      .number()
      .int()
      .min(0)
      .max(width - 1, 'is outside the board'),
    y: z.coerce
      .number()
      .int()
      .min(0)
      .max(height - 1, 'is outside the board'),
  });
  router.add('GET', '/api/pixels/:x/:y', async (_req, res, params) => {
    const { x, y } = parseInput(coordinates, params);
    const history = await databaseCall(() => pixelHistory(context.db, x, y, HISTORY_LIMIT));
    sendJson(res, 200, { x, y, color: context.changeLog.board.colorAt(x, y), history });
  });
}
