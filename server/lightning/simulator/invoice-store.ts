// In-memory invoice index (by payment hash, add index and settle index) backed by a journal.
// Changes become visible to subscribers ("published") only once their journal record is written,
// in add-index / settle-index order, so a subscriber never sees a change a crash could undo.
// Cancellations are not published: LND never sends them to all-invoice subscribers.
import { invoiceState, type StoredInvoice } from './invoice';
import type { InvoiceJournal } from './invoice-journal';
import { byAdd, bySettle, firstAbove, listInvoices, type ListQuery } from './invoice-query';

/** A published change: an invoice was created or settled. */
export interface StoreEvent {
  kind: 'added' | 'settled';
  invoice: StoredInvoice;
}

/** Why a settle attempt was refused. */
export type SettleRefusal = 'unknown' | 'canceled' | 'already-settled' | 'amount-too-low';

/** Outcome of `InvoiceStore.cancel` (canceling a canceled invoice succeeds, as in LND). */
export type CancelResult = 'canceled' | 'unknown' | 'already-settled';

/** Store policy. */
export interface InvoiceStoreOptions {
  /** LND's gc-canceled-invoices-on-the-fly: a canceled invoice is deleted right away. */
  gcCanceled?: boolean;
  /** Highest add index ever given (from the journal), so deleted invoices' indexes are not reused. */
  lastAddIndex?: number;
}

/** Outcome of `InvoiceStore.settle`. */
export type SettleResult =
  { ok: true; invoice: StoredInvoice } | { ok: false; reason: SettleRefusal };

/** Invoice fields the caller provides; indexes and settlement fields are managed by the store. */
export type NewInvoice = Omit<
  StoredInvoice,
  'addIndex' | 'settleIndex' | 'settledAt' | 'amtPaidMsat'
>;

/** Thrown by `add` when an invoice with the same payment hash exists (LND's message). */
export class DuplicateInvoiceError extends Error {
  constructor() {
    super('invoice with payment hash already exists');
  }
}

/** All invoices of one simulated node. Single-threaded: every mutation is synchronous up to its journal write. */
export class InvoiceStore {
  private readonly byHash = new Map<string, StoredInvoice>();
  private readonly added: StoredInvoice[] = [];
  private readonly settled: StoredInvoice[] = [];
  private publishedAdds = 0;
  private publishedSettles = 0;
  private lastAddIndex: number;
  private readonly gcCanceled: boolean;
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  /** `invoices` (sorted by add index) is the replayed journal content. */
  constructor(
    private readonly journal: InvoiceJournal,
    invoices: StoredInvoice[] = [],
    options: InvoiceStoreOptions = {},
  ) {
    this.gcCanceled = options.gcCanceled ?? false;
    this.lastAddIndex = Math.max(options.lastAddIndex ?? 0, invoices.at(-1)?.addIndex ?? 0);
    for (const invoice of invoices) {
      this.byHash.set(invoice.hash, invoice);
      this.added.push(invoice);
      if (invoice.settleIndex > 0) this.settled.push(invoice);
    }
    this.settled.sort((a, b) => a.settleIndex - b.settleIndex);
    this.publishedAdds = this.added.length;
    this.publishedSettles = this.settled.length;
  }

  /** Number of invoices. */
  get size(): number {
    return this.added.length;
  }

  /** True until the first invoice is created (LND then answers "there are no existing invoices"). */
  get neverHadInvoices(): boolean {
    return this.lastAddIndex === 0;
  }

  /** Open invoices, in add order (for the expiry watcher at start-up). */
  openInvoices(): StoredInvoice[] {
    return this.added.filter((invoice) => invoiceState(invoice) === 'OPEN');
  }

  /** Looks an invoice up by payment hash (hex). */
  get(hash: string): StoredInvoice | undefined {
    return this.byHash.get(hash);
  }

  /** Registers a listener for published changes; returns the unsubscribe function. */
  onEvent(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Highest published add index and settle index (0 when none). */
  cursors(): { addIndex: number; settleIndex: number } {
    const lastAdd = this.added[this.publishedAdds - 1];
    const lastSettle = this.settled[this.publishedSettles - 1];
    return { addIndex: lastAdd?.addIndex ?? 0, settleIndex: lastSettle?.settleIndex ?? 0 };
  }

  /** Published invoices with add index > `addIndex`, in add order. */
  addedSince(addIndex: number): StoredInvoice[] {
    return this.added.slice(firstAbove(this.added, addIndex, byAdd), this.publishedAdds);
  }

  /** Published settled invoices with settle index > `settleIndex`, in settle order. */
  settledSince(settleIndex: number): StoredInvoice[] {
    return this.settled.slice(
      firstAbove(this.settled, settleIndex, bySettle),
      this.publishedSettles,
    );
  }

  /** Creates an invoice, assigning the next add index; resolves once it is journaled. */
  async add(fields: NewInvoice): Promise<StoredInvoice> {
    if (this.byHash.has(fields.hash)) throw new DuplicateInvoiceError();
    this.lastAddIndex += 1;
    const invoice: StoredInvoice = {
      ...fields,
      addIndex: this.lastAddIndex,
      settleIndex: 0,
      settledAt: 0,
      amtPaidMsat: '0',
    };
    this.byHash.set(invoice.hash, invoice);
    this.added.push(invoice);
    await this.journal.append({ t: 'invoice', invoice }, false);
    // Looked up again: invoices before it may have been deleted meanwhile.
    const position = firstAbove(this.added, invoice.addIndex - 1, byAdd);
    if (this.added[position] !== invoice) return invoice;
    this.publishedAdds = Math.max(this.publishedAdds, position + 1);
    this.emit({ kind: 'added', invoice });
    return invoice;
  }

  /**
   * Settles an open invoice with `amtPaidMsat` (defaults to its value). The settlement is
   * fdatasync'ed to the journal before this resolves with ok. `nowMs` is the node's clock.
   */
  async settle(
    hash: string,
    amtPaidMsat: bigint | undefined,
    nowMs: number,
  ): Promise<SettleResult> {
    const invoice = this.byHash.get(hash);
    if (!invoice) return { ok: false, reason: 'unknown' };
    const state = invoiceState(invoice);
    if (state === 'SETTLED') return { ok: false, reason: 'already-settled' };
    if (state === 'CANCELED') return { ok: false, reason: 'canceled' };
    const value = BigInt(invoice.valueMsat);
    const paid = amtPaidMsat ?? value;
    if (paid <= 0n || paid < value) return { ok: false, reason: 'amount-too-low' };
    const last = this.settled[this.settled.length - 1];
    invoice.settleIndex = (last?.settleIndex ?? 0) + 1;
    invoice.settledAt = Math.floor(nowMs / 1000);
    invoice.amtPaidMsat = paid.toString();
    const position = this.settled.push(invoice);
    await this.journal.append(
      {
        t: 'settle',
        hash,
        settleIndex: invoice.settleIndex,
        settledAt: invoice.settledAt,
        amtPaidMsat: invoice.amtPaidMsat,
      },
      true,
    );
    this.publishedSettles = Math.max(this.publishedSettles, position);
    this.emit({ kind: 'settled', invoice });
    return { ok: true, invoice };
  }

  /**
   * Cancels an open invoice (durably), then deletes it when garbage collection is on, like LND's
   * cancelInvoiceImpl. Subscribers to all invoices are not told.
   */
  async cancel(hash: string): Promise<CancelResult> {
    const invoice = this.byHash.get(hash);
    if (!invoice) return 'unknown';
    const state = invoiceState(invoice);
    if (state === 'SETTLED') return 'already-settled';
    if (state === 'OPEN') {
      invoice.canceled = true;
      await this.journal.append({ t: 'cancel', hash }, true);
    }
    if (this.gcCanceled && this.byHash.get(hash) === invoice) await this.remove(invoice);
    return 'canceled';
  }

  /** ListInvoices (see invoice-query.ts for the paging semantics). */
  list(query: ListQuery): StoredInvoice[] {
    return listInvoices(this.added, query);
  }

  /** Flushes and closes the journal. */
  close(): Promise<void> {
    return this.journal.close();
  }

  private async remove(invoice: StoredInvoice): Promise<void> {
    this.byHash.delete(invoice.hash);
    const position = firstAbove(this.added, invoice.addIndex - 1, byAdd);
    if (this.added[position] === invoice) {
      this.added.splice(position, 1);
      if (position < this.publishedAdds) this.publishedAdds -= 1;
    }
    await this.journal.append({ t: 'delete', hash: invoice.hash }, true);
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
