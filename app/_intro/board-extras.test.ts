import { describe, expect, it } from 'vitest';
import type { BoardSettings } from '../../protocol/settings';
import { activityOf, boardExtras, fiatText, satsText, withLivePaints } from './board-extras';

const settings = (extra: object) => ({ pricePerPixelSat: 1, ...extra }) as unknown as BoardSettings;

describe('boardExtras', () => {
  it('reads a well-formed fiat rate and activity', () => {
    const extras = boardExtras(
      settings({
        fiat: { currency: 'EUR', satsPerUnit: 1200 },
        activity24h: { pixels: 5, orders: 2 },
      }),
    );
    expect(extras).toEqual({
      fiat: { currency: 'EUR', satsPerUnit: 1200 },
      activity24h: { pixels: 5, orders: 2 },
    });
  });
  it.each([
    [{ fiat: { currency: 'euro', satsPerUnit: 1 } }],
    [{ fiat: { currency: 'EUR', satsPerUnit: 0 } }],
    [{ activity24h: { pixels: 'many', orders: 1 } }],
    [{}],
  ])('ignores what is missing or malformed: %j', (extra) => {
    expect(boardExtras(settings(extra))).toEqual({});
  });
});

describe('fiatText and satsText', () => {
  it.each([
    [1, 1000, 'USD', '$0.001'],
    [21, 1000, 'USD', '$0.02'],
    [50_000, 1000, 'USD', '$50.00'],
    [250_000, 1000, 'EUR', '€250'],
  ])('%i sats at %i sats per unit in %s', (sats, satsPerUnit, currency, text) => {
    expect(fiatText(sats, { currency, satsPerUnit })).toBe(text);
  });
  it('says sat or sats', () => {
    expect([satsText(1), satsText(21), satsText(1000)]).toEqual(['1 sat', '21 sats', '1,000 sats']);
  });
});

describe('activityOf and withLivePaints', () => {
  const paint = (seq: number, pixels: number, kind = 'paint') => ({
    seq,
    kind,
    pixels: Array.from({ length: pixels }, () => [0, 0, 1]),
  });

  it('adds paints past the counted seq, once', () => {
    const counted = activityOf(settings({ seq: 10, activity24h: { pixels: 5, orders: 2 } }))!;
    expect(counted).toEqual({ pixels: 5, orders: 2, seq: 10 });
    const next = withLivePaints(counted, [paint(9, 4), paint(11, 3), paint(12, 1, 'revert')]);
    expect(next).toEqual({ pixels: 8, orders: 3, seq: 11 });
    expect(withLivePaints(next, [paint(11, 3)])).toBe(next);
  });

  it('is null when the settings carry no activity', () => {
    expect(activityOf(settings({ seq: 1 }))).toBeNull();
  });
});
