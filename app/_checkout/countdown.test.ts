import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsLeft } from './countdown';

describe('invoice countdown', () => {
  it('counts whole seconds left, never below zero', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(secondsLeft('2026-01-01T00:10:00Z', now)).toBe(600);
    expect(secondsLeft('2026-01-01T00:00:00.200Z', now)).toBe(1);
    expect(secondsLeft('2025-12-31T23:59:00Z', now)).toBe(0);
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
