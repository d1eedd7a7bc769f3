import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SettlementQueue, type SettlementOutcome } from './settlement-queue';

const log = pino({ level: 'silent' });
const connectionLost = () =>
  Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

/** A database that writes a batch unless it holds a poisoned hash, or is down for `downFor` calls. */
function fakeDatabase(poisoned: Set<string>, downFor = 0) {
  const painted: string[] = [];
  const batches: string[][] = [];
  let calls = 0;
  return {
    painted,
    batches,
    settleBatch: async (hashes: string[]) => {
      batches.push(hashes);
      if (calls++ < downFor) throw connectionLost();
      const bad = hashes.find((hash) => poisoned.has(hash));
      if (bad) throw new Error(`pixel outside the board in ${bad}`);
      painted.push(...hashes.filter((hash) => !painted.includes(hash)));
    },
  };
}

describe('SettlementQueue', () => {
  it.each<[string, string[], string[]]>([
    ['none poisoned', ['a', 'b', 'c', 'd'], []],
    ['one poisoned at the head', ['a', 'b', 'c', 'd'], ['a']],
    ['one poisoned in the middle', ['a', 'b', 'c', 'd', 'e'], ['c']],
    ['two poisoned', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['b', 'g']],
    ['all poisoned', ['a', 'b'], ['a', 'b']],
  ])('%s: paints the rest, sets aside each poisoned one', async (_name, hashes, poisonedList) => {
    const poisoned = new Set(poisonedList);
    const db = fakeDatabase(poisoned);
    const setAside: string[] = [];
    const queue = new SettlementQueue({
      settleBatch: db.settleBatch,
      setAside: async (hash) => void setAside.push(hash),
      log,
    });
    const outcomes = await Promise.all(hashes.map((hash) => queue.settle(hash)));
    expect(outcomes).toEqual(
      hashes.map((hash): SettlementOutcome => (poisoned.has(hash) ? 'set_aside' : 'painted')),
    );
    expect(db.painted.sort()).toEqual(hashes.filter((hash) => !poisoned.has(hash)).sort());
    expect(setAside.sort()).toEqual([...poisonedList].sort());
    expect(db.batches[0]).toEqual(hashes); // one group commit first
  });

  it('retries a whole batch while the database is down, setting nothing aside', async () => {
    const db = fakeDatabase(new Set(), 2);
    const setAside: string[] = [];
    const queue = new SettlementQueue({
      settleBatch: db.settleBatch,
      setAside: async (hash) => void setAside.push(hash),
      log,
    });
    expect(await Promise.all([queue.settle('a'), queue.settle('b')])).toEqual([
      'painted',
      'painted',
    ]);
    expect(db.batches).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(setAside).toEqual([]);
  });

  it('settles a payment queued twice once', async () => {
    const db = fakeDatabase(new Set());
    const queue = new SettlementQueue({
      settleBatch: db.settleBatch,
      setAside: async () => undefined,
      log,
    });
    const [first, second] = [queue.settle('a'), queue.settle('a')];
    expect(first).toBe(second);
    await first;
    expect(db.batches).toEqual([['a']]);
  });
});
