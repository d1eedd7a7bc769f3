import { loadChanges } from '../../db/queries/changes';
import type { Queryable } from '../../db/pool';
import type { ChangesSinceResult } from '../../protocol/changes';
import { toWirePixels } from '../canvas/pixel-batch';
import type { AppliedChange } from './change-log';
import type { RecentChanges } from './recent-changes';

/** Past this many pixels behind, reloading the PNG is cheaper than replaying changes. */
export const RELOAD_AFTER_PIXELS = 200_000;

/**
 * What a client that has seen up to `since` must apply to reach `headSeq`: at most `limit`
 * changes (it asks again for more), or `reload: true` when it is too far behind.
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
  const changes =
    recent.after(since)?.filter((change) => change.seq <= upto) ??
    (await loadChanges(db, since, upto));
  let pixels = 0;
  for (const change of changes) pixels += change.pixels.xs.length;
  if (pixels > RELOAD_AFTER_PIXELS) return { seq: headSeq, reload: true };
  return { seq: headSeq, changes: changes.map(toWireChange) };
}

export function toWireChange(change: AppliedChange) {
  return {
    seq: change.seq,
    kind: change.kind,
    at: change.at.toISOString(),
    pixels: toWirePixels(change.pixels),
  };
}
