import type { Change } from '../../protocol/changes';

/**
 * The newest changes kept in memory (bounded by a pixel budget), so a viewer that reconnects
 * a little behind catches up without touching the database.
 */
export class RecentChanges {
  private changes: Change[] = [];
  private pixelCount = 0;

  constructor(private readonly maxPixels: number) {}

  add(changes: Change[]): void {
    for (const change of changes) {
      this.changes.push(change);
      this.pixelCount += change.pixels.xs.length;
    }
    let drop = 0;
    while (this.pixelCount > this.maxPixels && drop < this.changes.length - 1) {
      this.pixelCount -= this.changes[drop].pixels.xs.length;
      drop++;
    }
    if (drop > 0) this.changes = this.changes.slice(drop);
  }

  /** Changes after `seq` when all of them are still held, else null. */
  after(seq: number): Change[] | null {
    const first = this.changes[0];
    if (!first || first.seq > seq + 1) return null;
    return this.changes.slice(Math.max(0, seq + 1 - first.seq));
  }
}
