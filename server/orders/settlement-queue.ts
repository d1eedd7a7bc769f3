import type { Logger } from 'pino';
import type { AppliedChange } from '../history/change-log';

type SettleBatch = (paymentHashes: string[]) => Promise<AppliedChange[]>;

const MAX_BATCH = 500;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * Confirmed payments waiting to be painted. Payments that arrive together are settled in one
 * transaction (group commit), which is what lets one process keep up with a crowd. A batch
 * that fails (database away) is retried with backoff until written; nothing is dropped.
 */
export class SettlementQueue {
  private readonly waiting = new Map<
    string,
    { promise: Promise<void>; resolve: () => void; queuedAt: number }
  >();
  private queued: string[] = [];
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly settleBatch: SettleBatch,
    private readonly log: Logger,
    /** Seconds from queued to painted, per payment. */
    private readonly onSettled: (seconds: number) => void = () => undefined,
  ) {}

  /** Queues a confirmed payment; resolves once it is painted (or found already painted). */
  settle(paymentHash: string): Promise<void> {
    const existing = this.waiting.get(paymentHash);
    if (existing) return existing.promise;
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    this.waiting.set(paymentHash, { promise, resolve, queuedAt: performance.now() });
    this.queued.push(paymentHash);
    this.draining ??= this.drain();
    return promise;
  }

  /** Stops retrying; resolves when the batch being written, if any, is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.draining;
  }

  private async drain(): Promise<void> {
    // Let the payments of this tick join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    let retryMs = FIRST_RETRY_MS;
    while (this.queued.length > 0 && !this.stopped) {
      const batch = this.queued.slice(0, MAX_BATCH);
      try {
        const changes = await this.settleBatch(batch);
        this.queued = this.queued.slice(batch.length);
        retryMs = FIRST_RETRY_MS;
        this.log.debug({ payments: batch.length, painted: changes.length }, 'settled payments');
        const now = performance.now();
        for (const hash of batch) {
          const waiter = this.waiting.get(hash);
          if (!waiter) continue;
          this.onSettled((now - waiter.queuedAt) / 1000);
          waiter.resolve();
          this.waiting.delete(hash);
        }
      } catch (error) {
        this.log.error(
          { err: error, payments: batch.length, retryMs },
          'settlement failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    }
    // No await between the empty-queue check and this: a payment queued later starts a new drain.
    this.draining = null;
  }
}
