/**
 * A token bucket per key: `perMinute` actions a minute on average, bursts up to `burst`.
 * Keys idle long enough to have refilled are forgotten, so memory stays bounded. With a
 * `global` limit, every take also needs a token from one bucket shared by all keys.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly refillPerMs: number;

  constructor(
    perMinute: number,
    private readonly burst = Math.max(1, Math.ceil(perMinute / 6)),
    private readonly now: () => number = Date.now,
    private readonly global?: RateLimiter,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Per-client buckets behind one bucket for everybody (`globalPerMinute`). */
  static perClientAndGlobal(perMinute: number, globalPerMinute: number, now = Date.now) {
    return new RateLimiter(
      perMinute,
      undefined,
      now,
      new RateLimiter(globalPerMinute, undefined, now),
    );
  }

  /** Takes one token for `key`: 0 when allowed, else the seconds to wait before retrying. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000);
    const globalWait = this.global?.take(GLOBAL_KEY) ?? 0;
    if (globalWait > 0) return globalWait;
    bucket.tokens -= 1;
    return 0;
  }

  /** Gives back a token taken for `key` (and the global one): the action did not happen. */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
    this.global?.refund(GLOBAL_KEY);
  }

  private refilled(key: string, now: number) {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs,
    );
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.forgetFullBuckets(now);
    return bucket;
  }

  private forgetFullBuckets(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.burst)
        this.buckets.delete(key);
    }
  }
}

const GLOBAL_KEY = '*';
