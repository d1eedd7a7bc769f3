import { describe, expect, it } from 'vitest';
import { msatToSat, priceSat, satToMsat } from './price';

describe('priceSat', () => {
  it.each([
    [1, 1, 1],
    [250_000, 1, 250_000],
    [3, 21, 63],
  ])('%i pixels at %i sat cost %i sat', (pixels, price, expected) => {
    expect(priceSat(pixels, price)).toBe(expected);
  });

  it.each([
    [0, 1],
    [-1, 1],
    [1.5, 1],
    [1, 0],
    [1, 0.5],
  ])('refuses %d pixels at %d sat', (pixels, price) => {
    expect(() => priceSat(pixels, price)).toThrow(RangeError);
  });

  it('refuses prices that cannot be represented exactly in msat', () => {
    expect(() => priceSat(2 ** 40, 2 ** 20)).toThrow(/too large/);
  });

  it('converts between sat and msat exactly', () => {
    expect(satToMsat(250_000)).toBe(250_000_000);
    expect(msatToSat(250_000_000)).toBe(250_000);
  });
});
