// End-to-end tests of the LND simulator through the real, unmodified ln-service client.
import { createHash, randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  authenticatedLndGrpc,
  createInvoice,
  getInvoice,
  getInvoices,
  getWalletInfo,
  pay,
  subscribeToInvoices,
  type AuthenticatedLnd,
} from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequest } from './bolt11';
import { SIMULATOR_ALIAS, startLndSimulator, type LndSimulator } from './index';

const REGTEST_CHAIN = '06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f';

interface InvoiceUpdate {
  id: string;
  is_confirmed: boolean;
  index: number;
  confirmed_index?: number;
}

function connect(sim: LndSimulator, macaroon = sim.macaroonBase64): AuthenticatedLnd {
  return authenticatedLndGrpc({ cert: sim.certBase64, macaroon, socket: sim.host }).lnd;
}

/** Resolves with the first 'invoice_updated' event matching `predicate`. */
function nextUpdate(
  sub: EventEmitter,
  predicate: (u: InvoiceUpdate) => boolean,
): Promise<InvoiceUpdate> {
  return new Promise((resolve) => {
    const listener = (update: InvoiceUpdate): void => {
      if (!predicate(update)) return;
      sub.off('invoice_updated', listener);
      resolve(update);
    };
    sub.on('invoice_updated', listener);
  });
}

/** Lets a fresh subscription reach the server before events are produced. */
const settle = (ms = 100): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('lnd simulator through ln-service', () => {
  let sim: LndSimulator;
  let lnd: AuthenticatedLnd;
  const subs: EventEmitter[] = [];

  beforeAll(async () => {
    sim = await startLndSimulator({});
    lnd = connect(sim);
  });

  afterAll(async () => {
    for (const sub of subs) sub.removeAllListeners();
    await sim.stop();
  });

  it('identifies itself as the regtest simulator', async () => {
    const info = await getWalletInfo({ lnd });
    expect(info.alias).toBe(SIMULATOR_ALIAS);
    expect(info.chains).toEqual([REGTEST_CHAIN]);
    expect(info.public_key).toBe(sim.publicKey);
    expect(info.is_synced_to_chain).toBe(true);
  });

  it('creates signed lnbcrt invoices that decode to the right amount, hash and payee', async () => {
    const created = await createInvoice({ lnd, tokens: 21, description: 'pixel (3,4)' });
    expect(created.request.startsWith('lnbcrt')).toBe(true);
    const parsed = parseRequest(created.request);
    expect(parsed).toMatchObject({
      id: created.id,
      destination: sim.publicKey,
      network: 'regtest',
      mtokens: '21000',
    });
    const fetched = await getInvoice({ lnd, id: created.id });
    expect(fetched).toMatchObject({
      id: created.id,
      tokens: 21,
      description: 'pixel (3,4)',
      is_confirmed: false,
    });
    expect(createHash('sha256').update(Buffer.from(fetched.secret, 'hex')).digest('hex')).toBe(
      created.id,
    );
    const { invoices } = await getInvoices({ lnd, limit: 5 });
    expect(invoices.map((i) => i.id)).toContain(created.id);
  });

  it('emits is_confirmed after pay() and after settleInvoice()', async () => {
    const sub = subscribeToInvoices({ lnd });
    subs.push(sub);
    // ln-service cancels the gRPC stream when the last listener goes: keep one for the whole test.
    sub.on('invoice_updated', () => undefined);
    await settle();
    const paid = await createInvoice({ lnd, tokens: 5, description: 'pay me' });
    const paidUpdate = nextUpdate(sub, (u) => u.id === paid.id && u.is_confirmed);
    const payment = await pay({ lnd, request: paid.request });
    expect(payment.id).toBe(paid.id);
    expect(payment.tokens).toBe(5);
    expect(createHash('sha256').update(Buffer.from(payment.secret, 'hex')).digest('hex')).toBe(
      paid.id,
    );
    expect((await paidUpdate).confirmed_index).toBeGreaterThan(0);

    const external = await createInvoice({ lnd, tokens: 7, description: 'settled by test' });
    const externalUpdate = nextUpdate(sub, (u) => u.id === external.id && u.is_confirmed);
    expect(await sim.settleInvoice(external.id)).toBe(true);
    await externalUpdate;
    expect(await sim.settleInvoice(external.id)).toBe(false);
    expect((await getInvoice({ lnd, id: external.id })).is_confirmed).toBe(true);
  });

  it('refuses a macaroon that is not one of its own, in LND words (code 2 UNKNOWN)', async () => {
    const intruder = connect(sim, randomBytes(32).toString('base64'));
    await expect(getWalletInfo({ lnd: intruder })).rejects.toMatchObject([
      503,
      'GetWalletInfoErr',
      { err: { code: 2, details: 'cannot determine data format of binary-encoded macaroon' } },
    ]);
  });

  it('fails a second payment of the same invoice', async () => {
    const invoice = await createInvoice({ lnd, tokens: 3, description: 'once' });
    await pay({ lnd, request: invoice.request });
    await expect(pay({ lnd, request: invoice.request })).rejects.toEqual([
      503,
      'PaymentRejectedByDestination',
    ]);
  });

  it('fails payments to another node (no route)', async () => {
    const other = await startLndSimulator({});
    try {
      const foreign = await createInvoice({
        lnd: connect(other),
        tokens: 1,
        description: 'elsewhere',
      });
      await expect(pay({ lnd, request: foreign.request })).rejects.toEqual([
        503,
        'PaymentPathfindingFailedToFindPossibleRoute',
      ]);
    } finally {
      await other.stop();
    }
  });

  it('reports an expired invoice as canceled and refuses to pay it', async () => {
    const expiresAt = new Date(Date.now() + 1000);
    const invoice = await createInvoice({
      lnd,
      tokens: 2,
      description: 'late',
      expires_at: expiresAt.toISOString(),
    });
    await settle(expiresAt.getTime() - Date.now() + 50);
    expect((await getInvoice({ lnd, id: invoice.id })).is_canceled).toBe(true);
    await expect(pay({ lnd, request: invoice.request })).rejects.toEqual([
      503,
      'PaymentRejectedByDestination',
    ]);
    expect(await sim.settleInvoice(invoice.id)).toBe(false);
  });

  it('dropInvoiceStreams makes the subscription emit error', async () => {
    const sub = subscribeToInvoices({ lnd, restart_delay_ms: 60_000 });
    subs.push(sub);
    const errored = new Promise<unknown>((resolve) => sub.once('error', resolve));
    sub.on('invoice_updated', () => undefined);
    await settle();
    sim.dropInvoiceStreams();
    expect(JSON.stringify(await errored)).toContain('UnexpectedInvoiceSubscriptionError');
  });

  it('pays through SendPaymentSync too', async () => {
    const invoice = await createInvoice({ lnd, tokens: 4, description: 'sync' });
    const res = await new Promise<Record<string, unknown>>((resolve, reject) =>
      lnd.default.sendPaymentSync(
        { payment_request: invoice.request },
        (err: unknown, r: Record<string, unknown>) => (err ? reject(err) : resolve(r)),
      ),
    );
    expect(res.payment_error).toBe('');
    expect(Buffer.from(res.payment_preimage as Buffer).toString('hex')).toBe(
      (await getInvoice({ lnd, id: invoice.id })).secret,
    );
  });
});

describe('lnd simulator persistence', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lnd-sim-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps cert, macaroon and invoice states across a restart', async () => {
    const first = await startLndSimulator({ dir });
    let paidId: string;
    let openId: string;
    try {
      const lnd = connect(first);
      const paid = await createInvoice({ lnd, tokens: 10, description: 'durable' });
      const open = await createInvoice({ lnd, tokens: 11, description: 'still open' });
      await pay({ lnd, request: paid.request });
      paidId = paid.id;
      openId = open.id;
      expect(fs.readFileSync(path.join(dir, 'admin.macaroon'))).toEqual(
        Buffer.from(first.macaroonBase64, 'base64'),
      );
      expect(fs.readFileSync(path.join(dir, 'invoice.macaroon'))).toEqual(
        Buffer.from(first.invoiceMacaroonBase64, 'base64'),
      );
      expect(fs.readFileSync(path.join(dir, 'readonly.macaroon'))).toEqual(
        Buffer.from(first.readonlyMacaroonBase64, 'base64'),
      );
    } finally {
      await first.stop();
    }
    const second = await startLndSimulator({ dir });
    try {
      expect(second.certBase64).toBe(first.certBase64);
      expect(second.macaroonBase64).toBe(first.macaroonBase64);
      expect(second.invoiceMacaroonBase64).toBe(first.invoiceMacaroonBase64);
      expect(second.publicKey).toBe(first.publicKey);
      const lnd = connect(second);
      expect(await getInvoice({ lnd, id: paidId })).toMatchObject({
        is_confirmed: true,
        received: 10,
      });
      expect(await getInvoice({ lnd, id: openId })).toMatchObject({
        is_confirmed: false,
        index: 2,
      });
      // Replay: everything added after index 0 is re-sent when asked with added_after=1.
      const sub = subscribeToInvoices({ lnd, added_after: 1 });
      sub.on('invoice_updated', () => undefined);
      const replayed = await nextUpdate(sub, (u) => u.id === openId);
      sub.removeAllListeners();
      expect(replayed.index).toBe(2);
      expect(await second.settleInvoice(paidId)).toBe(false);
      expect(await second.settleInvoice(openId)).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
