/** What the app needs from a Lightning node. The ln-service implementation is the only one. */
export interface LightningNode {
  /** The node's network (`regtest`, `mainnet`, ...) and whether it is the built-in simulator. */
  describe(): Promise<{ network: string; simulated: boolean }>;
  createInvoice(request: {
    amountMsat: number;
    description: string;
    expiresAt: Date;
  }): Promise<Invoice>;
  /** True once the node has received the payment of this invoice. */
  isInvoicePaid(paymentHash: string): Promise<boolean>;
  /** Pays an invoice from this node's own wallet (used by the simulator's test wallet). */
  payInvoice(paymentRequest: string): Promise<void>;
  /**
   * Follows the node's invoices: `onPaid` for each confirmed payment, `onConnected` each time
   * the stream (re)connects (reconcile then: payments may have arrived while it was down).
   * Reconnects with backoff until the returned function is called.
   */
  followPayments(handlers: FollowPaymentsHandlers): () => void;
}

export interface FollowPaymentsHandlers {
  onPaid(paymentHash: string): void;
  onConnected(): void;
  onDisconnected(error: unknown, retryInMs: number): void;
}

export interface Invoice {
  paymentHash: string;
  paymentRequest: string;
}

/** The node could not be reached or refused: orders answer 503 lightning_unavailable. */
export class LightningUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Lightning node unavailable: ${describeLnError(cause)}`);
    this.name = 'LightningUnavailableError';
  }
}

/** ln-service rejects with arrays like `[503, 'UnexpectedErrorCreatingInvoice', { err }]`. */
export function describeLnError(error: unknown): string {
  if (Array.isArray(error)) return error.filter((part) => typeof part !== 'object').join(' ');
  if (error instanceof Error) return error.message;
  return String(error);
}
