// Helpers shared by the simulator's tests: clients made the way the app makes them (ln-service),
// and ways to wait for (or for the absence of) invoice updates.
import type { EventEmitter } from 'node:events';
import { authenticatedLndGrpc, getInvoice, type AuthenticatedLnd } from 'ln-service';
import type { LndSimulator } from './index';

/** The fields of ln-service's invoice_updated event the tests read. */
export interface InvoiceUpdate {
  id: string;
  is_confirmed: boolean;
  is_canceled: boolean;
  index: number;
  confirmed_index?: number;
}

/** An ln-service client of `sim` with `macaroon` (base64; admin by default), at `socket`. */
export function connect(
  sim: LndSimulator,
  macaroon = sim.macaroonBase64,
  socket = sim.host,
): AuthenticatedLnd {
  return authenticatedLndGrpc({ cert: sim.certBase64, macaroon, socket }).lnd;
}

/** Resolves with the first 'invoice_updated' event matching `predicate`. */
export function nextUpdate(
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

/** Collects every 'invoice_updated' event of `sub` into the returned array. */
export function collectUpdates(sub: EventEmitter): InvoiceUpdate[] {
  const seen: InvoiceUpdate[] = [];
  sub.on('invoice_updated', (update: InvoiceUpdate) => seen.push(update));
  return seen;
}

/** Resolves after `ms` (lets a fresh subscription reach the server, or lets events not arrive). */
export const pause = (ms = 100): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns true or `timeoutMs` passes (then rejects). */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await pause(20);
  }
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** The add index of invoice `id` (ln-service's getInvoice returns it; its .d.ts omits it). */
export async function addIndexOf(lnd: AuthenticatedLnd, id: string): Promise<number> {
  const invoice = (await getInvoice({ lnd, id })) as unknown as { index: number };
  return invoice.index;
}
