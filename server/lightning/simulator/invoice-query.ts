// Read-only queries over invoices sorted by an index (binary search, no full scans).
import { invoiceState, type StoredInvoice } from './invoice';

/** ListInvoices query (LND semantics: index_offset is exclusive, 0 dates mean "no bound"). */
export interface ListQuery {
  indexOffset: number;
  max: number;
  reversed: boolean;
  pendingOnly: boolean;
  createdFrom: number;
  createdUntil: number;
}

/** Position of the first element whose key is > `after` in `list` sorted ascending by `key`. */
export function firstAbove(
  list: readonly StoredInvoice[],
  after: number,
  key: (invoice: StoredInvoice) => number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Add index of an invoice (sort key of the add-ordered list). */
export const byAdd = (invoice: StoredInvoice): number => invoice.addIndex;

/** Settle index of an invoice (sort key of the settle-ordered list). */
export const bySettle = (invoice: StoredInvoice): number => invoice.settleIndex;

/**
 * ListInvoices over `added` (sorted by add index): up to `max` matches after `indexOffset`, or
 * before it when `reversed` (from the newest when the offset is 0); returned in ascending order.
 */
export function listInvoices(added: readonly StoredInvoice[], query: ListQuery): StoredInvoice[] {
  const matches = (i: StoredInvoice): boolean =>
    (!query.pendingOnly || invoiceState(i) === 'OPEN') &&
    (!query.createdFrom || i.createdAt >= query.createdFrom) &&
    (!query.createdUntil || i.createdAt <= query.createdUntil);
  const out: StoredInvoice[] = [];
  if (query.reversed) {
    const end =
      query.indexOffset > 0 ? firstAbove(added, query.indexOffset - 1, byAdd) : added.length;
    for (let k = end - 1; k >= 0 && out.length < query.max; k -= 1) {
      if (matches(added[k])) out.push(added[k]);
    }
    return out.reverse();
  }
  const start = firstAbove(added, query.indexOffset, byAdd);
  for (let k = start; k < added.length && out.length < query.max; k += 1) {
    if (matches(added[k])) out.push(added[k]);
  }
  return out;
}
