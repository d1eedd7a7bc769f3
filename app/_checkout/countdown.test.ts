import { describe, expect, it } from 'vitest';
import { formatCountdown, localDeadlineMs, secondsLeft } from './countdown';

describe('invoice countdown', () => {
  it('counts whole seconds left, never below zero', () => {
    const now = 1_000_000;
    expect(secondsLeft(localDeadlineMs(now, 600), now)).toBe(600);
    expect(secondsLeft(now + 200, now)).toBe(1);
    expect(secondsLeft(now - 60_000, now)).toBe(0);
  });

  it.each([
    [600, '10:00'],
    [59, '0:59'],
    [0, '0:00'],
    [3725, '1:02:05'],
  ])('shows %i s as %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});
