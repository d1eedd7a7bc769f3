import { recentPaints } from '../../../db/queries/feed';
import type { Db } from '../../../db/pool';
import { databaseCall } from '../../app-error';
import { sendJson } from '../respond';
import type { Router } from '../router';

export const FEED_LENGTH = 20;

/** `GET /api/feed`: the newest paid orders, newest first. */
export function addFeedRoute(router: Router, deps: { db: Db }): void {
  router.add('GET', '/api/feed', async (_req, res) => {
    sendJson(res, 200, {
      entries: await databaseCall(() => recentPaints(deps.db, FEED_LENGTH)),
    });
  });
}
