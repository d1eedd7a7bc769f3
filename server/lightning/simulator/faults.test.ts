// Faults the app must survive, as LND v0.20 (or the network) produces them, seen through
// ln-service: a node not ready, silent invoice streams, a half-open or reset link.
import type { EventEmitter } from 'node:events';
import {
  createInvoice,
  getInvoice,
  getWalletInfo,
  getWalletStatus,
  pay,
  subscribeToInvoices,
  unauthenticatedLndGrpc,
} from 'ln-service';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy';
import { startLndSimulator, type LndSimulator, type NodeState } from './index';
import {
  addIndexOf,
  collectUpdates,
  connect,
  nextUpdate,
  pause,
  rejectionOf,
  waitFor,
} from './simulator-test-support';

describe('lnd simulator faults', () => {
  let sim: LndSimulator;
  const subs: EventEmitter[] = [];
  const subscribe = (...args: Parameters<typeof subscribeToInvoices>): EventEmitter => {
    const sub = subscribeToInvoices(...args);
    subs.push(sub);
    return sub;
  };

  beforeAll(async () => {
    sim = await startLndSimulator({});
  });
  afterEach(() => {
    for (const sub of subs.splice(0)) sub.removeAllListeners();
    sim.setNodeState('ready');
    sim.silenceInvoiceStreams(false);
  });
  afterAll(() => sim.stop());

  const notReady: Array<{ state: NodeState; details: string; status: string }> = [
    {
      state: 'locked',
      details: 'wallet locked, unlock it to enable full RPC access',
      status: 'is_locked',
    },
    {
      state: 'starting',
      details: 'the RPC server is in the process of starting up, but not yet ready to accept calls',
      status: 'is_starting',
    },
    {
      state: 'waiting-to-start',
      details: 'waiting to start, RPC services not available',
      status: 'is_waiting',
    },
  ];

  for (const { state, details, status } of notReady) {
    it(`${state}: every RPC answers code 2 "${details}"; the State service tells`, async () => {
      const lnd = connect(sim);
      const invoice = await createInvoice({ lnd, tokens: 1 });
      sim.setNodeState(state);
      const err = { err: { code: 2, details } };
      expect(await rejectionOf(getWalletInfo({ lnd }))).toMatchObject([
        503,
        'GetWalletInfoErr',
        err,
      ]);
      expect(await rejectionOf(createInvoice({ lnd, tokens: 1 }))).toMatchObject([
        503,
        'AddInvoiceError',
        err,
      ]);
      expect(await rejectionOf(getInvoice({ lnd, id: invoice.id }))).toMatchObject([
        503,
        'UnexpectedLookupInvoiceErr',
        err,
      ]);
      expect(await rejectionOf(pay({ lnd, request: invoice.request }))).toMatchObject([
        503,
        'UnexpectedPaymentError',
        err,
      ]);
      const sub = subscribe({ lnd, restart_delay_ms: 60_000 });
      sub.on('invoice_updated', () => undefined);
      expect(await new Promise((resolve) => sub.once('error', resolve))).toMatchObject([
        503,
        'UnexpectedInvoiceSubscriptionError',
        err,
      ]);
      // Readiness is checked before the macaroon, as in LND.
      const stranger = connect(sim, Buffer.from('not a macaroon').toString('base64'));
      expect(await rejectionOf(getWalletInfo({ lnd: stranger }))).toMatchObject([
        503,
        'GetWalletInfoErr',
        err,
      ]);
      const { lnd: unauthenticated } = unauthenticatedLndGrpc({
        cert: sim.certBase64,
        socket: sim.host,
      });
      expect(await getWalletStatus({ lnd: unauthenticated })).toMatchObject({ [status]: true });
      expect(await sim.settleInvoice(invoice.id)).toBe(false);

      sim.setNodeState('ready');
      expect((await getWalletInfo({ lnd })).public_key).toBe(sim.publicKey);
      expect(await getWalletStatus({ lnd: unauthenticated })).toMatchObject({
        is_active: true,
        is_ready: true,
      });
    });
  }

  it('silenced streams stay open, hear nothing, and lose what happened meanwhile', async () => {
    const lnd = connect(sim);
    const before = await createInvoice({ lnd, tokens: 1 });
    const sub = subscribe({ lnd, restart_delay_ms: 60_000 });
    const heard = collectUpdates(sub);
    const errors: unknown[] = [];
    sub.on('error', (err) => errors.push(err));
    await pause();
    sim.silenceInvoiceStreams(true);
    const missed = await createInvoice({ lnd, tokens: 2 });
    expect(await sim.settleInvoice(missed.id)).toBe(true);
    // A subscription opened meanwhile, even one asking for a backlog, hears nothing either.
    const late = subscribe({
      lnd,
      added_after: await addIndexOf(lnd, before.id),
      restart_delay_ms: 60_000,
    });
    const lateHeard = collectUpdates(late);
    await pause(300);
    expect(heard).toEqual([]);
    expect(lateHeard).toEqual([]);

    sim.silenceInvoiceStreams(false);
    const after = await createInvoice({ lnd, tokens: 3 });
    await sim.settleInvoice(after.id);
    await nextUpdate(sub, (u) => u.id === after.id && u.is_confirmed);
    await nextUpdate(late, (u) => u.id === after.id && u.is_confirmed);
    expect(heard.map((u) => u.id)).toEqual([after.id, after.id]);
    expect(errors).toEqual([]);
    // What was lost comes back only by asking for it: a backlog from the last index known before.
    const replay = subscribe({ lnd, added_after: await addIndexOf(lnd, before.id) });
    const replayed = await nextUpdate(replay, (u) => u.id === missed.id);
    expect(replayed.is_confirmed).toBe(true);
  });

  describe('through a TCP proxy', () => {
    let proxy: TcpProxy;
    beforeAll(async () => {
      proxy = await startTcpProxy('127.0.0.1', sim.port);
    });
    afterAll(() => proxy.close());
    const viaProxy = () => connect(sim, sim.macaroonBase64, `localhost:${proxy.port}`);

    it('pause makes the stream and unary calls silent without an error; resume delivers what was held', async () => {
      const lnd = viaProxy();
      const invoice = await createInvoice({ lnd, tokens: 4 });
      const sub = subscribe({ lnd, restart_delay_ms: 60_000 });
      const heard = collectUpdates(sub);
      const errors: unknown[] = [];
      sub.on('error', (err) => errors.push(err));
      await pause();
      proxy.pause();
      expect(await sim.settleInvoice(invoice.id)).toBe(true);
      let infoDone = false;
      const info = getWalletInfo({ lnd }).finally(() => (infoDone = true));
      await pause(500);
      expect(heard).toEqual([]);
      expect(infoDone).toBe(false); // ln-service sets no deadline: the call waits as long as the link
      expect(errors).toEqual([]);
      proxy.resume();
      await nextUpdate(sub, (u) => u.id === invoice.id && u.is_confirmed);
      expect((await info).public_key).toBe(sim.publicKey);
    });

    it('hides what the node does to the stream while paused: its end arrives on resume', async () => {
      const lnd = viaProxy();
      const sub = subscribe({ lnd, restart_delay_ms: 60_000 });
      sub.on('invoice_updated', () => undefined);
      const errors: unknown[] = [];
      sub.on('error', (err) => errors.push(err));
      await createInvoice({ lnd, tokens: 6 });
      proxy.pause();
      sim.dropInvoiceStreams();
      await pause(300);
      expect(errors).toEqual([]);
      proxy.resume();
      await waitFor(() => errors.length > 0);
      expect(errors[0]).toMatchObject([
        503,
        'UnexpectedInvoiceSubscriptionError',
        { err: { code: 14 } },
      ]);
    });

    it('dropConnections ends the stream with an error', async () => {
      const lnd = viaProxy();
      const sub = subscribe({ lnd, restart_delay_ms: 60_000 });
      sub.on('invoice_updated', () => undefined);
      const errored = new Promise((resolve) => sub.once('error', resolve));
      await createInvoice({ lnd, tokens: 5 });
      proxy.dropConnections();
      expect(await errored).toMatchObject([
        503,
        'UnexpectedInvoiceSubscriptionError',
        { err: { code: 14 } },
      ]);
    });
  });
});
