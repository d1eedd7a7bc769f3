import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then asks to wait, then refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});

describe('RateLimiter with a global limit', () => {
  it('stops everybody once all clients together reach the global rate', () => {
    let now = 0;
    const limiter = RateLimiter.perClientAndGlobal(60, 120, () => now); // bursts of 10 and 20
    for (let i = 0; i < 20; i++) expect(limiter.take(`client-${i}`)).toBe(0);
    expect(limiter.take('client-new')).toBeGreaterThan(0);
    now += 1000;
    expect(limiter.take('client-new')).toBe(0);
  });

  it('a refunded take costs nothing', () => {
    const limiter = new RateLimiter(60, 1, () => 0);
    expect(limiter.take('a')).toBe(0);
    limiter.refund('a');
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});
