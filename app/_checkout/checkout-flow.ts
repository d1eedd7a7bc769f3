import type { CreatedOrder, OrderStatus, RequestedPixel } from '../../protocol/orders';
import type { BoardConnection } from '../_board/board-connection';
import type { DraftEditor } from '../_draft/draft-editor';
import { callApi } from '../_shared/api-client';
import { describeError, type ShownError } from '../_shared/error-text';
import { Store } from '../_shared/store';
import { localDeadlineMs } from './countdown';
import { areaOf } from '../_board/show-area';

export type CheckoutStep = 'form' | 'creating' | 'invoice' | 'expired' | 'paid';

export interface CheckoutState {
  step: CheckoutStep;
  order: CreatedOrder | null;
  /** Which order of a draft split over the limit (0-based), and how many there are. */
  part: number;
  parts: number;
  error: ShownError | null;
  /** A payment is being sent (test wallet or WebLN). */
  paying: boolean;
  /** When the invoice expires by this page's clock. */
  deadlineMs: number;
}

/** What buying the draft uses: the draft's plan and the live board, its socket and news. */
export interface CheckoutDeps {
  editor: Pick<DraftEditor, 'planOrders' | 'remove'>;
  connection: Pick<BoardConnection, 'board' | 'socket' | 'status' | 'onOrder' | 'onReconnect'>;
}

const ACK_TIMEOUT_MS = 10_000;

const INITIAL: CheckoutState = {
  step: 'form',
  order: null,
  part: 0,
  parts: 0,
  error: null,
  paying: false,
  deadlineMs: 0,
};

/**
 * Buying the draft: one order per part (a draft over the limit is split, never cut), the
 * invoice watched on the socket until paid or expired, renewal in one step. Paid pixels leave
 * the draft; on any error the draft stays as it was.
 */
export class CheckoutFlow {
  readonly state = new Store<CheckoutState>(INITIAL);
  private parts: RequestedPixel[][] = [];
  private buyer: { name?: string; message?: string } = {};
  constructor(private readonly deps: CheckoutDeps) {}

  /**
   * Follows the open invoice's news from the socket (paid, expired) and watches it again after
   * a reconnection; returns the unsubscribe.
   */
  follow(): () => void {
    const stopOrders = this.deps.connection.onOrder((update) => this.orderUpdate(update));
    const stopReconnects = this.deps.connection.onReconnect(() => void this.watch());
    return () => {
      stopOrders();
      stopReconnects();
    };
  }

  /** Pixels the orders still to be paid cover (this one and the next parts). */
  plannedPixels(): number {
    const { part } = this.state.get();
    return this.parts.slice(part).reduce((sum, pixels) => sum + pixels.length, 0);
  }

  /** Where the order of the current part painted (for "Show my pixels" after paying). */
  partArea(): ReturnType<typeof areaOf> {
    return areaOf(this.parts[this.state.get().part] ?? []);
  }

  /** Plans the orders from the draft as it is now and creates the first. */
  async buy(name: string, message: string): Promise<void> {
    const plan = this.deps.editor.planOrders();
    if (!plan || plan.orders.length === 0) {
      this.state.set({ error: { code: 'invalid_request', text: 'The draft has nothing to buy.' } });
      return;
    }
    this.parts = plan.orders;
    this.buyer = { name: name.trim() || undefined, message: message.trim() || undefined };
    await this.create(0);
  }

  /** A fresh invoice for the same part, leaving out pixels painted meanwhile. */
  async renew(): Promise<void> {
    const board = this.deps.connection.board;
    const part = this.state.get().part;
    if (board) {
      this.parts[part] = this.parts[part].filter(
        ({ x, y, color }) => board.colorAt(x, y) !== color,
      );
    }
    await this.create(part);
  }

  async next(): Promise<void> {
    await this.create(this.state.get().part + 1);
  }

  /** Back to the form; an open invoice is simply left to expire. */
  reset(): void {
    this.parts = [];
    this.state.set(INITIAL);
  }

  /** The invoice's time ran out on the page's clock. */
  expire(): void {
    if (this.state.get().step === 'invoice') this.state.set({ step: 'expired', paying: false });
  }

  /** Pays through the built-in simulator (`POST /api/dev/pay`); only offered when simulated. */
  async payWithTestWallet(): Promise<void> {
    const order = this.state.get().order;
    if (!order) return;
    this.state.set({ paying: true, error: null });
    const result = await callApi('/api/dev/pay', {
      method: 'POST',
      body: { paymentRequest: order.paymentRequest },
    });
    if (!result.ok) this.state.set({ paying: false, error: result.error });
  }

  /** Pays with the browser's WebLN wallet (an extension like Alby). */
  async payWithWebln(): Promise<void> {
    const order = this.state.get().order;
    const webln = weblnProvider();
    if (!order || !webln) return;
    this.state.set({ paying: true, error: null });
    try {
      await webln.enable();
      await webln.sendPayment(order.paymentRequest);
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      this.state.set({
        paying: false,
        error: {
          code: 'payment_failed',
          text: `The wallet did not pay${message ? `: ${message}` : ''}.`,
        },
      });
    }
  }

  private async create(part: number): Promise<void> {
    const pixels = this.parts[part];
    if (!pixels) return;
    if (pixels.length === 0) {
      this.state.set({ step: 'paid', part, parts: this.parts.length, error: null });
      return;
    }
    this.state.set({
      step: 'creating',
      part,
      parts: this.parts.length,
      error: null,
      paying: false,
    });
    const result = await callApi<CreatedOrder>('/api/orders', {
      method: 'POST',
      body: { pixels, ...this.buyer },
    });
    if (!result.ok) {
      const back = this.state.get().order && part > 0 ? 'paid' : 'form';
      this.state.set({ step: part > 0 ? back : 'form', error: result.error });
      return;
    }
    const expirySeconds = this.deps.connection.status.get().settings?.invoiceExpirySeconds ?? 0;
    this.state.set({
      step: 'invoice',
      order: result.value,
      error: null,
      deadlineMs: expirySeconds
        ? localDeadlineMs(Date.now(), expirySeconds)
        : Date.parse(result.value.expiresAt),
    });
    await this.watch();
  }

  /** Asks the socket for this order's updates; the answer also says where it stands now. */
  private async watch(): Promise<void> {
    const { order, step } = this.state.get();
    const socket = this.deps.connection.socket;
    if (!order || !socket || (step !== 'invoice' && step !== 'creating')) return;
    try {
      const answer = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('order:watch', { id: order.id });
      if (answer.ok) this.orderUpdate(answer);
    } catch {
      // No answer yet: the socket retries on reconnect, and the watch is sent again then.
    }
  }

  private orderUpdate(update: { id: string; status: OrderStatus }): void {
    const { order, step, part } = this.state.get();
    if (!order || update.id !== order.id || step === 'paid') return;
    if (update.status === 'paid') {
      this.state.set({ step: 'paid', paying: false, error: null });
      this.deps.editor.remove(this.parts[part] ?? []);
    } else if (update.status === 'expired') this.state.set({ step: 'expired', paying: false });
  }
}

interface WeblnProvider {
  enable(): Promise<void>;
  sendPayment(paymentRequest: string): Promise<{ preimage: string }>;
}

/** The browser's WebLN provider, if a wallet extension installed one. */
export function weblnProvider(): WeblnProvider | undefined {
  return (window as Window & { webln?: WeblnProvider }).webln;
}

export function unknownError(): ShownError {
  return describeError({ code: 'internal_error', message: '' });
}
