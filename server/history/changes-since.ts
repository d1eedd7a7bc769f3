import { loadChanges, pixelCountsBetween } from '../../db/queries/changes';
import type { Queryable } from '../../db/pool';
import type { Change, ChangesSinceResult } from '../../protocol/changes';
import { toWirePixels } from '../../protocol/pixel-batch';
import type { RecentChanges } from './recent-changes';

/** Past this many pixels behind, reloading the PNG is cheaper than replaying changes. */
export const RELOAD_AFTER_PIXELS = 200_000;
/** Pixels read from the database for one answer; the client asks again for the rest. */
export const DATABASE_PAGE_PIXELS = 25_000;

/**
 * What a client that has seen up to `since` must apply to reach `headSeq`: at most `limit`
 * changes (it asks again for more, as long as `seq` is ahead of the last change it got), or
 * `reload: true` when it is too far behind. From the database, behind is measured in pixels
 * from the `changes` rows before any pixel event is loaded, and an answer holds at most
 * DATABASE_PAGE_PIXELS (but always one change), so no request holds the server for long.
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
  if (held) {
    let pixels = 0;
    for (const change of held) pixels += change.pixels.xs.length;
    if (pixels > RELOAD_AFTER_PIXELS) return { seq: headSeq, reload: true };
    return { seq: headSeq, changes: held.map(toWireChange) };
  }
  const counts = await pixelCountsBetween(db, since, upto);
  let pixels = 0;
  let pageEnd = since;
  for (const { seq, pixelCount } of counts) {
    pixels += pixelCount;
    if (pixels > RELOAD_AFTER_PIXELS) return { seq: headSeq, reload: true };
    if (pixels <= DATABASE_PAGE_PIXELS || pageEnd === since) pageEnd = seq;
  }
  const changes = await loadChanges(db, since, pageEnd);
  return { seq: headSeq, changes: changes.map(toWireChange) };
}

export function toWireChange(change: Change) {
  return {
    seq: change.seq,
    kind: change.kind,
    at: change.at.toISOString(),
    pixels: toWirePixels(change.pixels),
  };
}
