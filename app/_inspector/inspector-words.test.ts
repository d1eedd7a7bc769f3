import { describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE } from '../../protocol/settings';
import { colourName } from './colour-names';
import { relativeTime } from './relative-time';
import { spotLink } from './spot-link';

describe('colourName', () => {
  it('names every default colour, once, and falls back to the hex code', () => {
    const names = DEFAULT_PALETTE.map(colourName);
    expect(names.every((name) => !name.startsWith('#'))).toBe(true);
    expect(new Set(names).size).toBe(DEFAULT_PALETTE.length);
    expect(colourName('#e6d84e')).toBe('Yellow');
    expect(colourName('#D4361E')).toBe('Red');
    expect(colourName('#123456')).toBe('#123456');
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const ago = (seconds: number) => relativeTime(new Date(now.getTime() - seconds * 1000), now);
  it.each([
    [5, 'just now'],
    [50, '1 minute ago'],
    [5 * 60 + 20, '5 minutes ago'],
    [3600, '1 hour ago'],
    [5 * 3600, '5 hours ago'],
    [26 * 3600, 'yesterday'],
    [3 * 24 * 3600, '3 days ago'],
    [15 * 24 * 3600, '2 weeks ago'],
    [400 * 24 * 3600, 'last year'],
  ])('%i seconds ago reads "%s"', (seconds, text) => {
    expect(ago(seconds)).toBe(text);
  });
  it('reads a clock a little ahead as just now', () => {
    expect(ago(-3)).toBe('just now');
  });
});

describe('spotLink', () => {
  it('is the board centred on the pixel, zoomed in enough to see it', () => {
    expect(spotLink('https://b.example', { x: 300, y: 310 }, 20.4)).toBe(
      'https://b.example/?x=300&y=310&zoom=20',
    );
    expect(spotLink('https://b.example', { x: 0, y: 999 }, 0.7)).toBe(
      'https://b.example/?x=0&y=999&zoom=8',
    );
  });
});
