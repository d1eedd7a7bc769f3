import type { Logger } from 'pino';
import { isConnectionError } from '../../db/connection-error';

/** Paints the orders of these payment hashes in one transaction; throws if it cannot. */
export type SettleBatch = (paymentHashes: string[]) => Promise<unknown>;

/** How a settlement ended: painted (or found painted already), or set aside as unwritable. */
export type SettlementOutcome = 'painted' | 'set_aside';

export interface SettlementQueueDeps {
  settleBatch: SettleBatch;
  /** Records a settlement that cannot be written (it is retried by later checks). */
  setAside: (paymentHash: string, error: unknown) => Promise<void>;
  log: Logger;
  /** Seconds from queued to painted, per payment. */
  onSettled?: (seconds: number) => void;
}

const MAX_BATCH = 500;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

interface Waiter {
  promise: Promise<SettlementOutcome>;
  resolve: (outcome: SettlementOutcome) => void;
  queuedAt: number;
}

/**
 * Confirmed payments waiting to be painted. Payments that arrive together are settled in one
 * transaction (group commit), which is what lets one process keep up with a crowd.
 * A batch that fails because the database is away is retried with backoff until written. A
 * batch that fails for any other reason is split, and each payment that still fails alone is
 * set aside (recorded, reported) so that one unwritable settlement never blocks the others.
 */
export class SettlementQueue {
  private readonly waiting = new Map<string, Waiter>();
  private queued: string[] = [];
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: SettlementQueueDeps) {}

  /** Queues a confirmed payment; resolves once painted (or found painted), or set aside. */
  settle(paymentHash: string): Promise<SettlementOutcome> {
    const existing = this.waiting.get(paymentHash);
    if (existing) return existing.promise;
    let resolve!: (outcome: SettlementOutcome) => void;
    const promise = new Promise<SettlementOutcome>((done) => (resolve = done));
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
    // Payments announced in the same task join the batch; those arriving while it is written
    // make the next one (group commit without waiting a loop turn for company).
    await Promise.resolve();
    let retryMs = FIRST_RETRY_MS;
    while (this.queued.length > 0 && !this.stopped) {
      const batch = this.queued.slice(0, MAX_BATCH);
      try {
        await this.writeIsolated(batch);
        this.queued = this.queued.slice(batch.length);
        retryMs = FIRST_RETRY_MS;
      } catch (error) {
        // Only a database outage gets here: wait it out, then write the same batch again.
        this.deps.log.error(
          { err: error, payments: batch.length, retryMs },
          'settlement failed: database unavailable; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    }
    // No await between the empty-queue check and this: a payment queued later starts a new drain.
    this.draining = null;
  }

  /** Writes `batch`, splitting it around payments that cannot be written. Throws on outages. */
  private async writeIsolated(batch: string[]): Promise<void> {
    try {
      await this.deps.settleBatch(batch);
      this.finish(batch, 'painted');
      return;
    } catch (error) {
      if (isConnectionError(error)) throw error;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.writeIsolated(batch.slice(0, half));
        await this.writeIsolated(batch.slice(half));
        return;
      }
      const [paymentHash] = batch;
      this.deps.log.error(
        { err: error, paymentHash },
        'settlement cannot be written: set aside (paid, not painted)',
      );
      await this.deps.setAside(paymentHash, error);
      this.finish(batch, 'set_aside');
    }
  }

  private finish(hashes: string[], outcome: SettlementOutcome): void {
    const now = performance.now();
    for (const hash of hashes) {
      const waiter = this.waiting.get(hash);
      if (!waiter) continue;
      if (outcome === 'painted') this.deps.onSettled?.((now - waiter.queuedAt) / 1000);
      waiter.resolve(outcome);
      this.waiting.delete(hash);
    }
  }
}
