/**
 * The settle index up to which every settlement seen on the invoice stream is painted, for
 * LND's replay after a restart. Settlements finish out of order (batches, set-aside retries),
 * so the cursor only moves past an index once every lower index seen has finished.
 */
export class SettleCursor {
  private readonly inFlight = new Set<number>();
  private highestDone: number;

  constructor(start: number) {
    this.highestDone = start;
  }

  /** The index to resubscribe after: nothing at or below it is waiting. */
  get position(): number {
    let lowestWaiting = Infinity;
    for (const index of this.inFlight) lowestWaiting = Math.min(lowestWaiting, index);
    return Math.min(this.highestDone, lowestWaiting - 1);
  }

  /** A settlement with this index arrived and is being painted. */
  begin(settleIndex: number): void {
    if (settleIndex > 0) this.inFlight.add(settleIndex);
  }

  /** It is painted (or found painted already). Returns the new position. */
  finish(settleIndex: number): number {
    this.inFlight.delete(settleIndex);
    this.highestDone = Math.max(this.highestDone, settleIndex);
    return this.position;
  }
}
