import { describeLnError, nodeProblemOf, type NodeProblem } from './node-problem';

/** What the app needs from a Lightning node. The ln-service implementation is the only one. */
export interface LightningNode {
  /** The node's network (`regtest`, `mainnet`, ...) and alias. Needs `info:read`. */
  describe(): Promise<NodeIdentity>;
  /**
   * Which of the permissions the app uses the macaroon grants, found with calls that do no
   * harm. Throws NodeError when the node cannot answer at all (unreachable, locked, starting).
   */
  checkAccess(): Promise<NodeAccess>;
  /** A cheap call allowed by an invoices-only macaroon: resolves when the node is ready. */
  ping(): Promise<void>;
  createInvoice(request: {
    amountMsat: number;
    description: string;
    expiresAt: Date;
  }): Promise<Invoice>;
  /** The invoice as the node sees it now; `not_found` when the node has no such invoice. */
  lookupInvoice(paymentHash: string): Promise<InvoiceStatus>;
  /** Pays an invoice from this node's own wallet (used by the simulator's test wallet). */
  payInvoice(paymentRequest: string): Promise<void>;
  /**
   * Follows settled invoices: `onPaid` for each, `onConnected` each time the stream (re)connects
   * (reconcile then: the stream may have missed payments). Resubscribes from `settledAfter()`,
   * asked afresh on every (re)connection, so LND replays what was settled meanwhile.
   * Reconnects with backoff until stopped.
   */
  followPayments(handlers: FollowPaymentsHandlers): PaymentStream;
}

export interface NodeIdentity {
  network: string;
  alias: string;
}

export interface NodeAccess {
  invoicesRead: boolean;
  invoicesWrite: boolean;
  infoRead: boolean;
}

export interface FollowPaymentsHandlers {
  /** The settle index LND should replay from (0: replay nothing). */
  settledAfter(): number;
  onPaid(paymentHash: string, settleIndex: number): void;
  onConnected(): void;
  onDisconnected(error: unknown, retryInMs: number): void;
}

export interface PaymentStream {
  /** Drops the current subscription and opens a new one (for a stream suspected silent). */
  restart(): void;
  stop(): void;
}

export interface Invoice {
  paymentHash: string;
  paymentRequest: string;
}

/** An invoice's state on the node: `held` means an HTLC is accepted but not yet settled. */
export type InvoiceState = 'open' | 'held' | 'paid' | 'canceled' | 'not_found';

export interface InvoiceStatus {
  state: InvoiceState;
  /** The expiry the node holds for the invoice (absent when not found). */
  expiresAt?: Date;
}

/** The node failed a call; `problem` says how, so callers can retry, report or carry on. */
export class NodeError extends Error {
  readonly problem: NodeProblem;
  constructor(cause: unknown) {
    super(`Lightning node: ${describeLnError(cause)}`, { cause });
    this.name = 'NodeError';
    this.problem = nodeProblemOf(cause);
  }

  /** Unreachable, locked or starting: an outage the caller should wait out. */
  get isOutage(): boolean {
    return (
      this.problem === 'unreachable' || this.problem === 'locked' || this.problem === 'starting'
    );
  }
}

export { describeLnError };
