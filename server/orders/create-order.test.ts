import { randomBytes } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../db/pool';
import { unpackPixels } from '../../protocol/pixel-batch';
import { useMigratedTestDatabase } from '../../test/support/test-database';
import { AppError } from '../app-error';
import { NodeError, type LightningNode } from '../lightning/lightning-node';
import { createOrder, type CreateOrderDeps } from './create-order';

type InvoiceRequest = Parameters<LightningNode['createInvoice']>[0];

/** A node that records the invoices asked of it; `fail` makes the next one fail. */
function fakeNode() {
  const asked: InvoiceRequest[] = [];
  let fail: NodeError | undefined;
  const node: Pick<LightningNode, 'createInvoice'> = {
    createInvoice: async (request) => {
      if (fail) throw fail;
      asked.push(request);
      const paymentHash = randomBytes(32).toString('hex');
      return { paymentHash, paymentRequest: `lnbcrt${request.amountMsat}n1${paymentHash}` };
    },
  };
  return { node, asked, failNext: (error: NodeError) => (fail = error) };
}

const pixels = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ x: i % 100, y: Math.floor(i / 100), color: i % 16 }));

describe('createOrder, with a fake node on real PostgreSQL', () => {
  const testDb = useMigratedTestDatabase();
  let db: Db;

  beforeAll(() => {
    db = testDb();
  });
  beforeEach(async () => {
    await db.query('TRUNCATE orders CASCADE');
  });

  const depsWith = (node: Pick<LightningNode, 'createInvoice'>, overrides = {}) =>
    ({
      db,
      lightning: node as LightningNode,
      board: { width: 100, height: 100 },
      pricePerPixelSat: 1,
      invoiceExpirySeconds: 600,
      maxOpenOrdersPerClient: 3,
      ...overrides,
    }) satisfies CreateOrderDeps;

  const storedOrders = async () =>
    (
      await db.query<{ amount_msat: string; pixel_count: number; pixels: Buffer; status: string }>(
        'SELECT amount_msat, pixel_count, pixels, status FROM orders',
      )
    ).rows;

  it.each([
    { count: 1, pricePerPixelSat: 1, sat: 1, description: '1 pixel on the 100x100 board' },
    { count: 3, pricePerPixelSat: 1, sat: 3, description: '3 pixels on the 100x100 board' },
    { count: 250, pricePerPixelSat: 7, sat: 1750, description: '250 pixels on the 100x100 board' },
  ])(
    '$count pixels at $pricePerPixelSat sat: an invoice for exactly $sat sat, stored pending',
    async ({ count, pricePerPixelSat, sat, description }) => {
      const { node, asked } = fakeNode();
      const before = Date.now();
      const created = await createOrder(
        depsWith(node, { pricePerPixelSat }),
        { pixels: pixels(count), name: 'bot', message: '' },
        'client-a',
      );
      expect(asked).toHaveLength(1);
      expect(asked[0].amountMsat).toBe(sat * 1000);
      expect(asked[0].description).toBe(`Boltboard: ${description}`);
      const expiresIn = asked[0].expiresAt.getTime() - before;
      expect(expiresIn).toBeGreaterThanOrEqual(600_000);
      expect(expiresIn).toBeLessThan(610_000);
      expect(created).toMatchObject({ status: 'pending', pixelCount: count, amountSat: sat });
      expect(created.expiresAt).toBe(asked[0].expiresAt.toISOString());

      const [stored] = await storedOrders();
      expect(Number(stored.amount_msat)).toBe(sat * 1000);
      expect(stored.status).toBe('pending');
      const batch = unpackPixels(stored.pixels);
      expect(Array.from(batch.colors)).toEqual(pixels(count).map((p) => p.color));
    },
  );

  it('refuses a client at its cap of open orders before asking the node', async () => {
    const { node, asked } = fakeNode();
    const deps = depsWith(node, { maxOpenOrdersPerClient: 2 });
    const request = { pixels: pixels(1) };
    await createOrder(deps, request, 'client-b');
    await createOrder(deps, request, 'client-b');
    const refused = createOrder(deps, request, 'client-b');
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'too_many_open_orders', status: 429 });
    expect(asked).toHaveLength(2);
    // Another client is not held back by that one.
    await createOrder(deps, request, 'client-c');
    expect(asked).toHaveLength(3);
  });

  it('stores nothing when the node cannot make the invoice', async () => {
    const { node, failNext } = fakeNode();
    failNext(new NodeError([503, 'FailedToConnectToDaemon']));
    await expect(
      createOrder(depsWith(node), { pixels: pixels(2) }, 'client-d'),
    ).rejects.toBeInstanceOf(NodeError);
    expect(await storedOrders()).toEqual([]);
  });

  it('says the database is unavailable (503) when PostgreSQL cannot be reached', async () => {
    const { node, asked } = fakeNode();
    const unreachable = createPool('postgres://nobody@127.0.0.1:1/none', () => undefined);
    try {
      const failing = createOrder(depsWith(node, { db: unreachable }), { pixels: pixels(1) }, 'e');
      await expect(failing).rejects.toMatchObject({ code: 'database_unavailable', status: 503 });
      expect(asked).toEqual([]);
    } finally {
      await unreachable.end();
    }
  });
});
