// Append-only JSON-lines journal of invoice changes with group commit.
// Each invoice produces at most three lines (created, then settled or canceled, then deleted), so
// the log stays within a few times its compacted size; it is compacted (rewritten atomically)
// every time it is opened.
import fs from 'node:fs';
import { asMessage, str } from './fields';
import { writeFileAtomicSync } from './fs-atomic';
import { parseStoredInvoice, type StoredInvoice } from './invoice';

/**
 * A journal line: a full invoice (on creation / compaction), a settlement or cancellation patch,
 * a deletion (canceled invoices garbage-collected), or the highest add index ever given (written
 * at compaction, so indexes of deleted invoices are never reused, as in LND).
 */
export type JournalRecord =
  | { t: 'invoice'; invoice: StoredInvoice }
  | { t: 'settle'; hash: string; settleIndex: number; settledAt: number; amtPaidMsat: string }
  | { t: 'cancel'; hash: string }
  | { t: 'delete'; hash: string }
  | { t: 'counters'; lastAddIndex: number };

/** Where invoice changes are recorded. */
export interface InvoiceJournal {
  /**
   * Queues a record; resolves once it is written to the file (`durable`: and fdatasync'ed).
   * Records are written in call order; appends made close together share one write.
   */
  append(record: JournalRecord, durable: boolean): Promise<void>;
  /** Waits for queued records and closes the file. */
  close(): Promise<void>;
}

/** A journal that keeps nothing (simulator without a data dir). */
export const memoryJournal: InvoiceJournal = {
  append: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

interface Pending {
  line: string;
  durable: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
}

class FileJournal implements InvoiceJournal {
  private queue: Pending[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly handle: fs.promises.FileHandle) {}

  append(record: JournalRecord, durable: boolean): Promise<void> {
    if (this.closed) return Promise.reject(new Error('invoice journal is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(record)}\n`, durable, resolve, reject });
      if (!this.draining) {
        // setImmediate lets every append of the current tick join the same write.
        this.draining = new Promise<void>((done) => setImmediate(done)).then(() => this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.handle.appendFile(batch.map((p) => p.line).join(''));
        if (batch.some((p) => p.durable)) await this.handle.datasync();
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.draining = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
    await this.handle.close();
  }
}

interface Replay {
  byHash: Map<string, StoredInvoice>;
  lastAddIndex: number;
}

function applyLine(line: string, replay: Replay): void {
  const { byHash } = replay;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return; // torn final line from a crash mid-write
  }
  const record = asMessage(parsed);
  if (record.t === 'invoice') {
    const invoice = parseStoredInvoice(record.invoice);
    if (invoice) byHash.set(invoice.hash, invoice);
    if (invoice) replay.lastAddIndex = Math.max(replay.lastAddIndex, invoice.addIndex);
  } else if (record.t === 'cancel') {
    const invoice = byHash.get(str(record, 'hash'));
    if (invoice) invoice.canceled = true;
  } else if (record.t === 'delete') {
    byHash.delete(str(record, 'hash'));
  } else if (record.t === 'counters') {
    const last = record.lastAddIndex;
    if (Number.isSafeInteger(last))
      replay.lastAddIndex = Math.max(replay.lastAddIndex, last as number);
  } else if (record.t === 'settle') {
    const invoice = byHash.get(str(record, 'hash'));
    const settleIndex = record.settleIndex;
    const settledAt = record.settledAt;
    if (invoice && Number.isSafeInteger(settleIndex) && Number.isSafeInteger(settledAt)) {
      invoice.settleIndex = settleIndex as number;
      invoice.settledAt = settledAt as number;
      invoice.amtPaidMsat = str(record, 'amtPaidMsat') || '0';
    }
  }
}

/** What a journal held when opened. */
export interface JournalContent {
  /** Sorted by add index. */
  invoices: StoredInvoice[];
  /** Highest add index ever given, deleted invoices included (0: no invoice was ever created). */
  lastAddIndex: number;
}

/**
 * Opens (creating if needed) the journal at `file`: replays it into invoices sorted by add index,
 * rewrites it compacted, and returns a journal appending to it.
 */
export async function openFileJournal(
  file: string,
): Promise<{ journal: InvoiceJournal } & JournalContent> {
  const replay: Replay = { byHash: new Map(), lastAddIndex: 0 };
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err;
  }
  for (const line of text.split('\n')) if (line) applyLine(line, replay);
  const invoices = [...replay.byHash.values()].sort((a, b) => a.addIndex - b.addIndex);
  const records: JournalRecord[] = [
    { t: 'counters', lastAddIndex: replay.lastAddIndex },
    ...invoices.map((invoice): JournalRecord => ({ t: 'invoice', invoice })),
  ];
  writeFileAtomicSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const handle = await fs.promises.open(file, 'a', 0o600);
  return { journal: new FileJournal(handle), invoices, lastAddIndex: replay.lastAddIndex };
}
