// LND's invoice expiry watcher: cancels each open invoice once the node's clock reaches its
// creation date + expiry (and the store then deletes it when garbage collection is on).
// One timer for the earliest deadline; a clock jump (setClockOffsetMs) calls `sweep` at once.
import { expiresAtMs, invoiceState, type StoredInvoice } from './invoice';
import type { InvoiceStore } from './invoice-store';

// setTimeout's largest delay; later deadlines are re-armed when it fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A binary min-heap of invoices by expiry instant. */
class ExpiryHeap {
  private readonly items: StoredInvoice[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): StoredInvoice | undefined {
    return this.items[0];
  }

  push(invoice: StoredInvoice): void {
    const items = this.items;
    items.push(invoice);
    let k = items.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (expiresAtMs(items[parent]) <= expiresAtMs(items[k])) break;
      [items[parent], items[k]] = [items[k], items[parent]];
      k = parent;
    }
  }

  pop(): StoredInvoice | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      const right = left + 1;
      let least = k;
      if (left < items.length && expiresAtMs(items[left]) < expiresAtMs(items[least])) least = left;
      if (right < items.length && expiresAtMs(items[right]) < expiresAtMs(items[least]))
        least = right;
      if (least === k) return top;
      [items[least], items[k]] = [items[k], items[least]];
      k = least;
    }
  }
}

/** Cancels expired invoices of `store` by the node clock `nowMs`. */
export class ExpiryWatcher {
  private readonly heap = new ExpiryHeap();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: InvoiceStore,
    private readonly nowMs: () => number,
    private readonly log: (msg: string) => void,
  ) {
    for (const invoice of store.openInvoices()) this.heap.push(invoice);
    this.unsubscribe = store.onEvent(({ kind, invoice }) => {
      if (kind !== 'added') return;
      this.heap.push(invoice);
      if (this.heap.peek() === invoice) this.arm();
    });
  }

  /** Cancels every invoice already due (at start-up and after a clock jump), then re-arms. */
  sweep(): Promise<void> {
    // A sweep in progress may have read the clock before a jump: run another after it.
    if (this.sweeping) return this.sweeping.then(() => this.sweep());
    this.sweeping = this.cancelDue().finally(() => {
      this.sweeping = undefined;
      this.arm();
    });
    return this.sweeping;
  }

  /** Stops the timer; waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    clearTimeout(this.timer);
    await this.sweeping;
  }

  private async cancelDue(): Promise<void> {
    for (let next = this.heap.peek(); next; next = this.heap.peek()) {
      if (this.stopped || expiresAtMs(next) > this.nowMs()) return;
      this.heap.pop();
      if (invoiceState(next) !== 'OPEN' || this.store.get(next.hash) !== next) continue;
      try {
        await this.store.cancel(next.hash);
      } catch (err) {
        this.log(`expiry watcher: cancel failed: ${err instanceof Error ? err.message : err}`);
      }
    }
  }

  private arm(): void {
    clearTimeout(this.timer);
    const next = this.heap.peek();
    if (this.stopped || !next || this.sweeping) return;
    const delay = Math.min(Math.max(0, expiresAtMs(next) - this.nowMs()), MAX_TIMER_MS);
    this.timer = setTimeout(() => void this.sweep(), delay);
    this.timer.unref();
  }
}
