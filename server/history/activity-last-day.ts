import type { Change } from '../../protocol/changes';
import { paintActivityLastDay } from '../../db/queries/paint-activity';
import type { Queryable } from '../../db/pool';

export interface Activity {
  pixels: number;
  orders: number;
}

/** How old a count may grow before a read asks the database again (the window slides). */
export const ACTIVITY_RECOUNT_MS = 60_000;

/**
 * The last 24 hours of paid paints, for the settings every page reads. Counted in the
 * database at most once a minute (started by a read, never awaited by it); paints the board
 * applies meanwhile are added as they come, so a new order shows at once.
 */
export class ActivityLastDay {
  private counted: Activity | undefined;
  /** Paints applied while a count runs: they are past its seq bound, so added after. */
  private duringCount: Activity | null = null;
  private countedAt = -Infinity;
  private counting: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly boardSeq: () => number,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The latest count, or undefined before the first one finished; recounts when stale. */
  current(): Activity | undefined {
    if (this.now() - this.countedAt >= ACTIVITY_RECOUNT_MS) void this.count();
    return this.counted && { ...this.counted };
  }

  /** Counts in the database unless a count is running (the start awaits the first one). */
  count(): Promise<void> {
    this.counting ??= this.countOnce().finally(() => (this.counting = null));
    return this.counting;
  }

  /** Adds paints the board applied (this instance's or another's) to the count. */
  noteApplied(changes: Change[]): void {
    for (const change of changes) {
      if (change.kind !== 'paint') continue;
      for (const activity of [this.counted, this.duringCount]) {
        if (!activity) continue;
        activity.pixels += change.pixels.xs.length;
        activity.orders += 1;
      }
    }
  }

  private async countOnce(): Promise<void> {
    // Every paint up to this seq is on the board already; later ones arrive in noteApplied.
    const throughSeq = this.boardSeq();
    this.countedAt = this.now();
    const during: Activity = { pixels: 0, orders: 0 };
    this.duringCount = during;
    try {
      const fromDb = await paintActivityLastDay(this.db, throughSeq);
      this.counted = {
        pixels: fromDb.pixels + during.pixels,
        orders: fromDb.orders + during.orders,
      };
    } catch (error) {
      this.onError(error); // the last count stands; the next try is a minute away
    } finally {
      this.duringCount = null;
    }
  }
}
