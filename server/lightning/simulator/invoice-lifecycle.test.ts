// Invoice expiry, cancellation, garbage collection and the SubscribeInvoices backlog, as LND v0.20
// does them, seen through ln-service.
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  cancelHodlInvoice,
  createInvoice,
  getInvoice,
  getInvoices,
  pay,
  subscribeToInvoices,
} from 'ln-service';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startLndSimulator, type LndSimulator } from './index';
import {
  addIndexOf,
  collectUpdates,
  connect,
  nextUpdate,
  pause,
  rejectionOf,
  waitFor,
} from './simulator-test-support';

const HOUR_MS = 3_600_000;
const notFound = (details: string): object => [
  503,
  'UnexpectedLookupInvoiceErr',
  { err: { code: 5, details } },
];

describe('invoice lifecycle', () => {
  const sims: LndSimulator[] = [];
  const subs: EventEmitter[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lnd-sim-lifecycle-'));

  async function start(options: Parameters<typeof startLndSimulator>[0] = {}) {
    const sim = await startLndSimulator(options);
    sims.push(sim);
    return { sim, lnd: connect(sim) };
  }
  function subscribe(...args: Parameters<typeof subscribeToInvoices>): EventEmitter {
    const sub = subscribeToInvoices(...args);
    subs.push(sub);
    return sub;
  }

  afterEach(async () => {
    for (const sub of subs.splice(0)) sub.removeAllListeners();
    for (const sim of sims.splice(0)) await sim.stop();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("cancels an open invoice when the node's clock passes its expiry, not the host's", async () => {
    const { sim, lnd } = await start();
    const invoice = await createInvoice({
      lnd,
      tokens: 9,
      expires_at: new Date(Date.now() + HOUR_MS).toISOString(),
    });
    await sim.setClockOffsetMs(HOUR_MS - 60_000);
    expect((await getInvoice({ lnd, id: invoice.id })).is_canceled).toBeFalsy();
    await sim.setClockOffsetMs(HOUR_MS + 1000);
    expect(await getInvoice({ lnd, id: invoice.id })).toMatchObject({
      is_canceled: true,
      is_confirmed: false,
    });
    expect(await rejectionOf(pay({ lnd, request: invoice.request }))).toEqual([
      503,
      'PaymentRejectedByDestination',
    ]);
    expect(await sim.settleInvoice(invoice.id)).toBe(false);
  });

  it("dates new invoices by the node's clock", async () => {
    const { lnd } = await start({ clockOffsetMs: 24 * HOUR_MS });
    const invoice = await createInvoice({ lnd, tokens: 1 });
    const createdAt = Date.parse((await getInvoice({ lnd, id: invoice.id })).created_at);
    expect(createdAt - Date.now()).toBeGreaterThan(23 * HOUR_MS);
  });

  it('cancels by its own timer at expiry', async () => {
    const { lnd } = await start();
    const invoice = await createInvoice({
      lnd,
      tokens: 2,
      expires_at: new Date(Date.now() + 1500).toISOString(),
    });
    expect((await getInvoice({ lnd, id: invoice.id })).is_canceled).toBeFalsy();
    await waitFor(
      async () => (await getInvoice({ lnd, id: invoice.id })).is_canceled === true,
      4000,
    );
  });

  it('with gc-canceled-invoices-on-the-fly deletes expired and canceled invoices: lookups answer NOT_FOUND', async () => {
    const { sim, lnd } = await start({ gcCanceledInvoices: true });
    expect(await rejectionOf(getInvoice({ lnd, id: '00'.repeat(32) }))).toMatchObject(
      notFound('there are no existing invoices'),
    );
    const expiring = await createInvoice({
      lnd,
      tokens: 3,
      expires_at: new Date(Date.now() + HOUR_MS).toISOString(),
    });
    const canceled = await createInvoice({ lnd, tokens: 4 });
    const kept = await createInvoice({ lnd, tokens: 5 });
    await cancelHodlInvoice({ lnd, id: canceled.id });
    await sim.setClockOffsetMs(HOUR_MS + 1000);
    for (const id of [expiring.id, canceled.id]) {
      expect(await rejectionOf(getInvoice({ lnd, id }))).toMatchObject(
        notFound('unable to locate invoice'),
      );
    }
    const { invoices } = await getInvoices({ lnd });
    expect(invoices.map((i) => i.id)).toEqual([kept.id]);
    expect(await rejectionOf(pay({ lnd, request: canceled.request }))).toEqual([
      503,
      'PaymentRejectedByDestination',
    ]);
  });

  it('CancelInvoice: idempotent on canceled invoices, refuses settled and unknown ones like LND', async () => {
    const { sim, lnd } = await start();
    const open = await createInvoice({ lnd, tokens: 6 });
    await cancelHodlInvoice({ lnd, id: open.id });
    await cancelHodlInvoice({ lnd, id: open.id });
    expect((await getInvoice({ lnd, id: open.id })).is_canceled).toBe(true);
    expect(await rejectionOf(pay({ lnd, request: open.request }))).toEqual([
      503,
      'PaymentRejectedByDestination',
    ]);

    const paid = await createInvoice({ lnd, tokens: 7 });
    expect(await sim.settleInvoice(paid.id)).toBe(true);
    const cases: Array<[string, string]> = [
      [paid.id, 'invoice already settled'],
      ['11'.repeat(32), 'unable to locate invoice'],
    ];
    for (const [id, details] of cases) {
      expect(await rejectionOf(cancelHodlInvoice({ lnd, id }))).toMatchObject([
        503,
        'UnexpectedErrorCancelingHodlInvoice',
        { err: { code: 2, details } },
      ]);
    }
  });

  it('never sends canceled invoices to all-invoice subscribers, live or replayed', async () => {
    const { sim, lnd } = await start();
    await createInvoice({ lnd, tokens: 1 }); // replay starts after this one (added_after 0 replays nothing)
    const first = await createInvoice({ lnd, tokens: 1 });
    const sub = subscribe({ lnd });
    const live = collectUpdates(sub);
    await pause();
    await cancelHodlInvoice({ lnd, id: first.id });
    const second = await createInvoice({ lnd, tokens: 2 });
    await sim.settleInvoice(second.id);
    await nextUpdate(sub, (u) => u.id === second.id && u.is_confirmed);
    expect(live.map((u) => [u.id, u.is_confirmed])).toEqual([
      [second.id, false],
      [second.id, true],
    ]);

    const replay = subscribe({ lnd, added_after: (await addIndexOf(lnd, first.id)) - 1 });
    const replayed = collectUpdates(replay);
    await nextUpdate(replay, (u) => u.id === second.id);
    await pause();
    expect(replayed.map((u) => u.id)).toEqual([second.id]);
    expect(replayed.some((u) => u.is_canceled)).toBe(false);
  });

  it('replays settlements after confirmed_after in settlement order, and nothing without cursors', async () => {
    const { sim, lnd } = await start();
    const invoices = [];
    for (let k = 0; k < 4; k += 1) invoices.push(await createInvoice({ lnd, tokens: 10 + k }));
    const order = [invoices[2], invoices[0], invoices[3], invoices[1]];
    for (const invoice of order) expect(await sim.settleInvoice(invoice.id)).toBe(true);

    const fresh = subscribe({ lnd });
    const freshUpdates = collectUpdates(fresh);
    const replay = subscribe({ lnd, confirmed_after: 1 });
    const replayed = collectUpdates(replay);
    await waitFor(() => replayed.length === 3);
    await pause();
    expect(replayed.map((u) => [u.id, u.confirmed_index])).toEqual(
      order.slice(1).map((invoice, k) => [invoice.id, k + 2]),
    );
    expect(freshUpdates).toEqual([]);
  });

  it('keeps cancellations, deletions and add indexes across a restart', async () => {
    const options = { dir, gcCanceledInvoices: true };
    let { sim, lnd } = await start(options);
    const deleted = await createInvoice({ lnd, tokens: 1 });
    const canceledLater = await createInvoice({
      lnd,
      tokens: 2,
      expires_at: new Date(Date.now() + HOUR_MS).toISOString(),
    });
    await cancelHodlInvoice({ lnd, id: deleted.id });
    const lastIndex = await addIndexOf(lnd, canceledLater.id);
    await sim.stop();
    sims.pop();
    // Restarted with its clock past the expiry: the start-up sweep cancels (and deletes) it.
    ({ sim, lnd } = await start({ ...options, clockOffsetMs: 2 * HOUR_MS }));
    for (const id of [deleted.id, canceledLater.id]) {
      expect(await rejectionOf(getInvoice({ lnd, id }))).toMatchObject(
        notFound('unable to locate invoice'),
      );
    }
    await sim.stop();
    sims.pop();
    ({ sim, lnd } = await start(options));
    const next = await createInvoice({ lnd, tokens: 3 });
    expect(await addIndexOf(lnd, next.id)).toBe(lastIndex + 1);
  });
});
