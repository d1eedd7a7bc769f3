import { describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE } from '../../protocol/settings';
import { colourName } from './colour-names';
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
