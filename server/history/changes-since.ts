import { loadChanges, pixelCountsBetween } from '../../db/queries/changes';
import type { Queryable } from '../../db/pool';
import type { Change, ChangesSinceResult } from '../../protocol/changes';
import { toWirePixels } from '../../protocol/pixel-batch';
import type { RecentChanges } from './recent-changes';

/** Past this many pixels behind, reloading the PNG is cheaper than replaying changes. */
export const RELOAD_AFTER_PIXELS = 200_000;
/**
 * Pixels in one answer, from memory or the database; the client asks again for the rest. An
 * answer is sent to one socket and sits in its buffer, so it is kept small (about 300 KB of
 * JSON) however many sockets ask at once.
 */
export const ANSWER_PAGE_PIXELS = 25_000;

/**
 * What a client that has seen up to `since` must apply to reach `headSeq`: at most `limit`
 * changes and ANSWER_PAGE_PIXELS pixels (but always one change); it asks again for more, as
 * long as `seq` is ahead of the last change it got. `reload: true` when it is too far behind.
 * From the database, behind is measured in pixels from the `changes` rows before any pixel
 * event is loaded, so no request holds the server for long.
 */
export async function changesSince(
  db: Queryable,
  recent: RecentChanges,
  headSeq: number,
  since: number,
  limit: number,
): Promise<ChangesSinceResult> {
  if (since > headSeq) return { seq: headSeq, reload: true };
  const upto = Math.min(headSeq, since + limit);
  const held = recent.after(since)?.filter((change) => change.seq <= upto);
  const counts = held
    ? held.map((change) => ({ seq: change.seq, pixelCount: change.pixels.xs.length }))
    : await pixelCountsBetween(db, since, upto);
  const pageEnd = answerPageEnd(counts, since);
  if (pageEnd === null) return { seq: headSeq, reload: true };
  const changes = held
    ? held.filter((change) => change.seq <= pageEnd)
    : await loadChanges(db, since, pageEnd);
  return { seq: headSeq, changes: changes.map(toWireChange) };
}

/**
 * The last seq of the answer's page: changes after `since` up to ANSWER_PAGE_PIXELS pixels,
 * at least one; null when all of them together are past RELOAD_AFTER_PIXELS.
 */
function answerPageEnd(counts: { seq: number; pixelCount: number }[], since: number) {
  let pixels = 0;
  let pageEnd = since;
  for (const { seq, pixelCount } of counts) {
    pixels += pixelCount;
    if (pixels > RELOAD_AFTER_PIXELS) return null;
    if (pixels <= ANSWER_PAGE_PIXELS || pageEnd === since) pageEnd = seq;
  }
  return pageEnd;
}

export function toWireChange(change: Change) {
  return {
    seq: change.seq,
    kind: change.kind,
    at: change.at.toISOString(),
    pixels: toWirePixels(change.pixels),
  };
}
