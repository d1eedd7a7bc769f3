import { recentPaints } from '../../../db/queries/feed';
import type { AppContext } from '../../app-context';
import { databaseCall } from '../../app-error';
import { sendJson } from '../respond';
import type { Router } from '../router';

export const FEED_LENGTH = 20;

/** `GET /api/feed`: the newest paid orders, newest first. */
export function addFeedRoute(router: Router, context: AppContext): void {
  router.add('GET', '/api/feed', async (_req, res) => {
    sendJson(res, 200, {
      entries: await databaseCall(() => recentPaints(context.db, FEED_LENGTH)),
    });
  });
}
