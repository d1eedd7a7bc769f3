import { describe, expect, it } from 'vitest';
import { msatToSat, priceSat, satToMsat, splitIntoOrders } from './price';

describe('priceSat', () => {
  it.each([
    [0, 1, 0],
    [1, 1, 1],
    [250_000, 1, 250_000],
    [3, 21, 63],
  ])('%i pixels at %i sat cost %i sat', (pixels, price, expected) => {
    expect(priceSat(pixels, price)).toBe(expected);
  });

  it.each([
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

describe('splitIntoOrders', () => {
  it.each<[number, number, number[]]>([
    [0, 3, []],
    [3, 3, [3]],
    [7, 3, [3, 3, 1]],
    [2, 0, [1, 1]], // a nonsense limit still makes progress
  ])('%i pixels at most %i an order: %j', (count, max, sizes) => {
    const pixels = Array.from({ length: count }, (_, i) => i);
    const orders = splitIntoOrders(pixels, max);
    expect(orders.map((order) => order.length)).toEqual(sizes);
    expect(orders.flat()).toEqual(pixels);
  });
});
