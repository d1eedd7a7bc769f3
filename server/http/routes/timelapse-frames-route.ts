import { timelapseQuerySchema, type TimelapseFrames } from '../../../protocol/timelapse';
import { changeTimes } from '../../../db/queries/change-times';
import type { Db } from '../../../db/pool';
import { databaseCall } from '../../app-error';
import type { Board } from '../../canvas/board';
import { FRAME_MS } from '../../history/timelapse/render-timelapse';
import { planTimelapse } from '../../history/timelapse/timelapse-plan';
import { parseInput } from '../../validation';
import { sendJson } from '../respond';
import type { Router } from '../router';

export interface TimelapseFramesRouteDeps {
  /** Its size, and its seq now. */
  board: Board;
  /** The history-read pool. */
  readDb: Db;
}

/**
 * `GET /api/timelapse.json?fromSeq&toSeq&frames&scale`: public. The frames the timelapse of
 * this query shows (seq and time of each) and the path of its animation pinned to the last
 * seq, so the player's dates and the pictures come from one plan however the board moves.
 */
export function addTimelapseFramesRoute(router: Router, deps: TimelapseFramesRouteDeps): void {
  router.add('GET', '/api/timelapse.json', async (_req, res, _params, url) => {
    const query = parseInput(timelapseQuerySchema, Object.fromEntries(url.searchParams));
    const plan = planTimelapse(query, deps.board, deps.board.seq);
    const times = await databaseCall(() => changeTimes(deps.readDb, plan.frameSeqs));
    const toSeq = plan.frameSeqs[plan.frameSeqs.length - 1];
    const webp = new URLSearchParams({
      fromSeq: String(query.fromSeq),
      toSeq: String(toSeq),
      frames: String(query.frames),
      scale: String(query.scale),
    });
    const answer: TimelapseFrames = {
      width: plan.outWidth,
      height: plan.outHeight,
      frameMs: FRAME_MS,
      webp: `/api/timelapse.webp?${webp}`,
      frames: plan.frameSeqs.map((seq) => ({ seq, at: times.get(seq)?.toISOString() ?? null })),
    };
    sendJson(res, 200, answer);
  });
}
