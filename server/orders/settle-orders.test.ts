import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/pool';
import { findOrderByPaymentHash, insertOrder, markOrdersExpired } from '../../db/queries/orders';
import { countUnpaintedOrders, recordUnpaintedOrder } from '../../db/queries/unpainted-orders';
import { packPixels, pixelBatchFrom } from '../../protocol/pixel-batch';
import { useMigratedTestDatabase } from '../../test/support/test-database';
import { Board } from '../canvas/board';
import { ChangeLog } from '../history/change-log';
import { misfit, settleOrders, UnpaintableOrderError } from './settle-orders';

const WIDTH = 10;
const HEIGHT = 10;
const PALETTE_SIZE = 16;

type Pixel = { x: number; y: number; color: number };

describe('misfit', () => {
  it.each([
    { pixels: [{ x: 9, y: 9, color: 15 }], expected: null },
    {
      pixels: [{ x: 10, y: 0, color: 1 }],
      expected: 'pixel (10, 0) is outside the 10x10 board',
    },
    {
      pixels: [
        { x: 0, y: 0, color: 1 },
        { x: 3, y: 10, color: 1 },
      ],
      expected: 'pixel (3, 10) is outside the 10x10 board',
    },
    {
      pixels: [{ x: 0, y: 0, color: 16 }],
      expected: 'colour index 16 is not in the 16-colour palette',
    },
  ])('$pixels -> $expected', ({ pixels, expected }) => {
    expect(misfit(pixelBatchFrom(pixels), WIDTH, HEIGHT, PALETTE_SIZE)).toBe(expected);
  });
});

describe('settleOrders, on real PostgreSQL', () => {
  const testDb = useMigratedTestDatabase();
  let db: Db;
  let changeLog: ChangeLog;
  const deps = () => ({ changeLog, paletteSize: PALETTE_SIZE });

  beforeAll(() => {
    db = testDb();
  });
  beforeEach(async () => {
    await db.query('TRUNCATE orders, changes, pixel_events, unpainted_orders CASCADE');
    changeLog = new ChangeLog(db, new Board(WIDTH, HEIGHT), (error) => {
      throw error;
    });
  });

  /** Stores a pending order for these pixels and returns its payment hash. */
  const order = async (
    pixels: Pixel[],
    byline: { name?: string; message?: string } = {},
  ): Promise<string> => {
    const paymentHash = randomBytes(32).toString('hex');
    await insertOrder(db, {
      id: randomUUID(),
      paymentHash,
      paymentRequest: `lnbcrt1${paymentHash}`,
      amountMsat: pixels.length * 1000,
      pixelCount: pixels.length,
      packedPixels: packPixels(pixelBatchFrom(pixels)),
      name: byline.name ?? null,
      message: byline.message ?? null,
      clientKey: null,
      expiresAt: new Date(Date.now() + 600_000),
    });
    return paymentHash;
  };

  const changeCount = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM changes')).rows[0].n;

  it('paints a paid order once: marked paid, linked to its change, on the board, signed', async () => {
    const hash = await order(
      [
        { x: 1, y: 2, color: 5 },
        { x: 3, y: 4, color: 6 },
      ],
      { name: 'alice', message: 'hi' },
    );
    const [change] = await settleOrders(deps(), [hash]);
    const stored = await findOrderByPaymentHash(db, hash);
    expect(change).toMatchObject({
      seq: 1,
      kind: 'paint',
      byline: { name: 'alice', message: 'hi' },
    });
    expect(change.orderId).toBe(stored?.id);
    expect(stored).toMatchObject({ status: 'paid', changeSeq: 1 });
    expect(stored?.paidAt).toBeInstanceOf(Date);
    expect([changeLog.board.colorAt(1, 2), changeLog.board.colorAt(3, 4)]).toEqual([5, 6]);
  });

  it.each([
    { name: 'settled again later (a replayed stream, a restart)', together: false },
    { name: 'settled twice at once (two instances)', together: true },
  ])('a payment $name paints exactly once', async ({ together }) => {
    const hash = await order([{ x: 0, y: 0, color: 1 }]);
    const otherInstance = new ChangeLog(db, new Board(WIDTH, HEIGHT), () => undefined);
    const settleTwice = together
      ? Promise.all([
          settleOrders(deps(), [hash]),
          settleOrders({ changeLog: otherInstance, paletteSize: PALETTE_SIZE }, [hash]),
        ])
      : settleOrders(deps(), [hash]).then(async (first) => [
          first,
          await settleOrders({ changeLog: otherInstance, paletteSize: PALETTE_SIZE }, [hash]),
        ]);
    const painted = (await settleTwice).flat();
    expect(painted).toHaveLength(1);
    expect(await changeCount()).toBe(1);
  });

  it('paints an order the app had marked expired: the node took the money', async () => {
    const hash = await order([{ x: 7, y: 7, color: 2 }]);
    await markOrdersExpired(db, [hash]);
    const painted = await settleOrders(deps(), [hash]);
    expect(painted).toHaveLength(1);
    expect((await findOrderByPaymentHash(db, hash))?.status).toBe('paid');
  });

  it('paints nothing for a hash no order has', async () => {
    expect(await settleOrders(deps(), [randomBytes(32).toString('hex')])).toEqual([]);
    expect(await changeCount()).toBe(0);
  });

  it('paints a batch in the order of the hashes given, skipping those already painted', async () => {
    const first = await order([{ x: 0, y: 1, color: 1 }]);
    const second = await order([{ x: 0, y: 1, color: 2 }]);
    const third = await order([{ x: 0, y: 1, color: 3 }]);
    await settleOrders(deps(), [second]);
    const painted = await settleOrders(deps(), [third, second, first]);
    expect(painted.map((c) => c.seq)).toEqual([2, 3]);
    const ids = await Promise.all(
      [third, first].map(async (hash) => (await findOrderByPaymentHash(db, hash))?.id),
    );
    expect(painted.map((c) => c.orderId)).toEqual(ids);
    expect(changeLog.board.colorAt(0, 1)).toBe(1);
  });

  it.each([
    { pixels: [{ x: 10, y: 0, color: 1 }], reason: /outside the 10x10 board/ },
    { pixels: [{ x: 0, y: 0, color: 16 }], reason: /not in the 16-colour palette/ },
  ])('writes nothing when an order no longer fits ($reason)', async ({ pixels, reason }) => {
    const fits = await order([{ x: 1, y: 1, color: 1 }]);
    const misfits = await order(pixels);
    const settling = settleOrders(deps(), [fits, misfits]);
    await expect(settling).rejects.toBeInstanceOf(UnpaintableOrderError);
    await expect(settling).rejects.toThrow(reason);
    expect(await changeCount()).toBe(0);
    expect(changeLog.board.seq).toBe(0);
    for (const hash of [fits, misfits])
      expect((await findOrderByPaymentHash(db, hash))?.status).toBe('pending');
  });

  it('forgets a set-aside settlement once its order is painted', async () => {
    const hash = await order([{ x: 2, y: 2, color: 2 }]);
    await recordUnpaintedOrder(db, hash, 'board was smaller');
    expect(await countUnpaintedOrders(db)).toBe(1);
    await settleOrders(deps(), [hash]);
    expect(await countUnpaintedOrders(db)).toBe(0);
  });
});
