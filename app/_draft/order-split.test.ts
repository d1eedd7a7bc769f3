import { describe, expect, it } from 'vitest';
import { planOrders } from './order-split';

describe('order planning', () => {
  const board = (x: number, y: number) => (x + y) % 2;

  it('leaves out pixels the board already shows and prices the rest', () => {
    const plan = planOrders(
      [
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
      ],
      board,
      { maxPixelsPerOrder: 10, pricePerPixelSat: 3 },
    );
    expect(plan.alreadyRight).toBe(2);
    expect(plan.pixelCount).toBe(1);
    expect(plan.priceSat).toBe(3);
    expect(plan.orders).toEqual([[{ x: 1, y: 0, color: 0 }]]);
  });

  it('splits a draft over the limit into several orders, losing none', () => {
    const draft = Array.from({ length: 25 }, (_, i) => [i, 0, 9] as const);
    const plan = planOrders(draft, () => 0, { maxPixelsPerOrder: 10, pricePerPixelSat: 1 });
    expect(plan.orders.map((order) => order.length)).toEqual([10, 10, 5]);
    expect(plan.priceSat).toBe(25);
  });

  it('plans no order for an empty draft', () => {
    expect(planOrders([], board, { maxPixelsPerOrder: 10, pricePerPixelSat: 1 }).orders).toEqual(
      [],
    );
  });
});
