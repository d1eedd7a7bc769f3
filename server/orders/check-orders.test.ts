import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/pool';
import { insertOrder } from '../../db/queries/orders';
import { useMigratedTestDatabase } from '../../test/support/test-database';
import { NodeError, type InvoiceStatus, type LightningNode } from '../lightning/lightning-node';
import { checkOrdersWithNode } from './check-orders';

const now = new Date('2026-12-01T12:00:00Z');
const unreachable = () => new NodeError([503, 'FailedToConnectToDaemon']);
const refused = () =>
  new NodeError([503, 'UnexpectedLookupInvoiceErr', { err: { code: 2, details: 'odd' } }]);

type NodeAnswer = InvoiceStatus | (() => NodeError);

/** A node that answers each lookup from a table, by payment hash. */
function fakeNode(answers: Map<string, NodeAnswer>): Pick<LightningNode, 'lookupInvoice'> {
  return {
    lookupInvoice: async (hash) => {
      const answer = answers.get(hash);
      if (answer === undefined) return { state: 'not_found' };
      if (typeof answer === 'function') throw answer();
      return answer;
    },
  };
}

describe('checkOrdersWithNode', () => {
  const testDb = useMigratedTestDatabase();
  let db: Db;

  beforeAll(() => {
    db = testDb();
  });

  /** Inserts pending orders, one per answer, and returns their hashes in order. */
  const pendingOrders = async (count: number) => {
    const hashes: string[] = [];
    for (let i = 0; i < count; i++) {
      const paymentHash = randomBytes(32).toString('hex');
      await insertOrder(db, {
        id: randomUUID(),
        paymentHash,
        paymentRequest: `lnbcrt1${paymentHash}`,
        amountMsat: 1000,
        pixelCount: 1,
        packedPixels: Buffer.alloc(5),
        name: null,
        message: null,
        clientKey: null,
        expiresAt: new Date(now.getTime() - 3_600_000 + i), // in the order created
      });
      hashes.push(paymentHash);
    }
    return hashes;
  };
  const statusOf = async (hash: string) =>
    (await db.query('SELECT status FROM orders WHERE payment_hash = $1', [hash])).rows[0].status;

  it.each<[string, NodeAnswer[], Array<'pending' | 'expired' | 'settled'>]>([
    [
      'eight deleted invoices at the head do not stop the others',
      [
        ...Array<NodeAnswer>(8).fill({ state: 'not_found' }),
        { state: 'paid' },
        { state: 'open', expiresAt: now },
      ],
      [...Array<'expired'>(8).fill('expired'), 'settled', 'pending'],
    ],
    [
      'canceled expires, held waits, open long past expiry expires',
      [
        { state: 'canceled' },
        { state: 'held' },
        { state: 'open', expiresAt: new Date(now.getTime() - 3_600_000) },
      ],
      ['expired', 'pending', 'expired'],
    ],
    [
      'a refusal for one order leaves it pending and the pass goes on',
      [refused, { state: 'paid' }],
      ['pending', 'settled'],
    ],
  ])('%s', async (_name, answers, expected) => {
    const hashes = await pendingOrders(answers.length);
    const settled: string[] = [];
    const result = await checkOrdersWithNode(
      {
        db,
        lightning: fakeNode(new Map(hashes.map((hash, i) => [hash, answers[i]]))),
        settle: async (hash) => {
          settled.push(hash);
          return 'painted';
        },
        now: () => now,
      },
      {},
    );
    for (const [i, hash] of hashes.entries()) {
      if (expected[i] === 'settled') expect(settled).toContain(hash);
      else expect(await statusOf(hash)).toBe(expected[i]);
    }
    expect(result.expired).toHaveLength(expected.filter((fate) => fate === 'expired').length);
    await db.query("UPDATE orders SET status = 'paid' WHERE status = 'pending'"); // next case starts clean
  });

  it.each([
    { spreadOverMs: undefined, inFlight: 8, atLeastMs: 0 },
    { spreadOverMs: 200, inFlight: 1, atLeastMs: 190 },
  ])('asks the node $inFlight at a time, spread over $spreadOverMs ms', async (row) => {
    const hashes = await pendingOrders(20);
    let active = 0;
    let most = 0;
    const node: Pick<LightningNode, 'lookupInvoice'> = {
      lookupInvoice: async () => {
        most = Math.max(most, ++active);
        await new Promise((resolve) => setTimeout(resolve, 2));
        active--;
        return { state: 'held' };
      },
    };
    const started = performance.now();
    const result = await checkOrdersWithNode(
      { db, lightning: node, settle: async () => 'painted' },
      { spreadOverMs: row.spreadOverMs },
    );
    expect(result.checked).toBe(hashes.length);
    expect(most).toBe(row.inFlight);
    expect(performance.now() - started).toBeGreaterThanOrEqual(row.atLeastMs);
    await db.query("UPDATE orders SET status = 'paid' WHERE status = 'pending'"); // next case starts clean
  });

  it('stops at a node outage, expiring nothing it has not heard about', async () => {
    const hashes = await pendingOrders(20);
    const answers = new Map<string, NodeAnswer>(hashes.map((hash) => [hash, unreachable]));
    await expect(
      checkOrdersWithNode(
        { db, lightning: fakeNode(answers), settle: async () => 'painted', now: () => now },
        {},
      ),
    ).rejects.toMatchObject({ problem: 'unreachable' });
    for (const hash of hashes) expect(await statusOf(hash)).toBe('pending');
  });
});
