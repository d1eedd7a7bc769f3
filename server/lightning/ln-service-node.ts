import * as lnService from 'ln-service';
import chainIds from 'lightning/bolt02/ids.json';
import type {
  FollowPaymentsHandlers,
  InvoiceStatus,
  LightningNode,
  NodeAccess,
  PaymentStream,
} from './lightning-node';
import { NodeError } from './lightning-node';
import type { NodeCredentials } from './node-credentials';
import { nodeProblemOf } from './node-problem';

type AuthenticatedLnd = ReturnType<typeof lnService.authenticatedLndGrpc>['lnd'];

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * Connects to an LND gRPC endpoint through ln-service. Nothing is sent until first use.
 * `credentials` is asked again when the node cannot be reached: a TLS certificate or macaroon
 * that changed on disk (LND rotates its certificate) is used from then on, with no restart.
 */
export function connectLnd(credentials: () => NodeCredentials): LightningNode {
  return new LnServiceNode(credentials);
}

const CREDENTIALS_RECHECK_MS = 5_000;
/**
 * ln-service sets no gRPC deadline: through a half-open link a call would never return, and
 * the checks waiting on it would stop for good. Past this, a call counts as unreachable.
 */
const CALL_DEADLINE_MS = 20_000;

class LnServiceNode implements LightningNode {
  private lnd: AuthenticatedLnd;
  private current: NodeCredentials;
  private checkedAt = 0;

  constructor(private readonly credentials: () => NodeCredentials) {
    this.current = credentials();
    this.lnd = authenticate(this.current);
  }

  /** After a failure to reach the node: reconnect if the credentials changed on disk. */
  private refreshCredentials(error: unknown): void {
    if (nodeProblemOf(error) !== 'unreachable') return;
    const now = Date.now();
    if (now - this.checkedAt < CREDENTIALS_RECHECK_MS) return;
    this.checkedAt = now;
    let next: NodeCredentials;
    try {
      next = this.credentials();
    } catch {
      return; // a file mid-rotation: try again on the next failure
    }
    if (next.cert === this.current.cert && next.macaroon === this.current.macaroon) return;
    // The old client is left to the garbage collector, not closed: ln-service may still retry
    // a call on it, and a call on a closed channel throws outside any promise.
    this.current = next;
    this.lnd = authenticate(next);
  }

  async describe() {
    const info = await this.call(() => lnService.getWalletInfo({ lnd: this.lnd }));
    const chains = chainIds.chains as Record<string, string>;
    // getWalletInfo gives chain ids in byte-reversed (display) order.
    const name =
      Object.keys(chains).find((key) => info.chains.includes(reverseHexBytes(chains[key]))) ??
      'unknown';
    return { network: name.replace(/^bitcoin/, ''), alias: info.alias };
  }

  async checkAccess(): Promise<NodeAccess> {
    const granted = async (call: () => Promise<unknown>) => {
      try {
        await withDeadline(call());
        return true;
      } catch (error) {
        const problem = nodeProblemOf(error);
        if (problem === 'permission_denied') return false;
        if (problem === 'rejected') return true; // refused after the permission check passed
        throw new NodeError(error);
      }
    };
    return {
      invoicesRead: await granted(() => lnService.getInvoices({ lnd: this.lnd, limit: 1 })),
      // LND checks the macaroon before the request: an AddInvoice it must refuse ("value and
      // value_msat are mutually exclusive") tells whether invoices:write is granted, creating nothing.
      invoicesWrite: await granted(() => this.rawAddInvoice({ value: '1', value_msat: '1000' })),
      infoRead: await granted(() => lnService.getWalletInfo({ lnd: this.lnd })),
    };
  }

  async ping() {
    await this.call(() => lnService.getInvoices({ lnd: this.lnd, limit: 1 }));
  }

  async createInvoice(request: { amountMsat: number; description: string; expiresAt: Date }) {
    const invoice = await this.call(() =>
      lnService.createInvoice({
        lnd: this.lnd,
        mtokens: String(request.amountMsat),
        description: request.description,
        expires_at: request.expiresAt.toISOString(),
      }),
    );
    return { paymentHash: invoice.id, paymentRequest: invoice.request };
  }

  async lookupInvoice(paymentHash: string): Promise<InvoiceStatus> {
    let invoice;
    try {
      invoice = await withDeadline(lnService.getInvoice({ lnd: this.lnd, id: paymentHash }));
    } catch (error) {
      if (nodeProblemOf(error) === 'not_found') return { state: 'not_found' };
      this.refreshCredentials(error);
      throw new NodeError(error);
    }
    const state = invoice.is_confirmed
      ? 'paid'
      : invoice.is_canceled
        ? 'canceled'
        : invoice.is_held
          ? 'held'
          : 'open';
    return { state, expiresAt: new Date(invoice.expires_at) };
  }

  async payInvoice(paymentRequest: string) {
    await this.call(() => lnService.pay({ lnd: this.lnd, request: paymentRequest }));
  }

  followPayments(handlers: FollowPaymentsHandlers): PaymentStream {
    let stopped = false;
    let retryMs = FIRST_RETRY_MS;
    let timer: NodeJS.Timeout | undefined;
    let current: ReturnType<typeof lnService.subscribeToInvoices> | undefined;
    const drop = () => {
      current?.removeAllListeners(); // removing every listener cancels the gRPC stream
      current?.on('error', () => undefined);
      current = undefined;
    };
    const connect = () => {
      if (stopped) return;
      const settledAfter = handlers.settledAfter();
      const subscription = lnService.subscribeToInvoices({
        lnd: this.lnd,
        ...(settledAfter > 0 ? { confirmed_after: settledAfter } : {}),
      });
      current = subscription;
      let connected = false;
      const markConnected = () => {
        if (connected || stopped || current !== subscription) return;
        connected = true;
        retryMs = FIRST_RETRY_MS;
        handlers.onConnected();
      };
      subscription.on(
        'invoice_updated',
        (invoice: { id: string; is_confirmed: boolean; confirmed_index?: number }) => {
          markConnected();
          if (invoice.is_confirmed) handlers.onPaid(invoice.id, invoice.confirmed_index ?? 0);
        },
      );
      subscription.on('error', (error: unknown) => {
        // ln-service emits 'error' twice (the failure, then the stream's end): drop this
        // subscription for good and start afresh from the settle index we have painted.
        if (current !== subscription) return;
        drop();
        this.refreshCredentials(error);
        if (stopped) return;
        handlers.onDisconnected(error, retryMs);
        timer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      });
      // The stream says nothing until an invoice changes: a call the invoices-only macaroon
      // allows proves the node is reachable and ready, so reconcile then.
      this.ping().then(markConnected, () => undefined);
    };
    connect();
    return {
      restart: () => {
        if (stopped) return;
        clearTimeout(timer);
        drop();
        connect();
      },
      stop: () => {
        stopped = true;
        clearTimeout(timer);
        drop();
      },
    };
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline(work());
    } catch (error) {
      this.refreshCredentials(error);
      throw new NodeError(error);
    }
  }

  /** AddInvoice straight through gRPC, for the permission probe (ln-service validates first). */
  private rawAddInvoice(request: Record<string, string>): Promise<unknown> {
    const client = (this.lnd as unknown as { default: { addInvoice: RawUnary } }).default;
    return new Promise((resolve, reject) =>
      client.addInvoice(request, (err, response) => (err ? reject(err) : resolve(response))),
    );
  }
}

type RawUnary = (request: object, callback: (err: unknown, response: unknown) => void) => void;

function withDeadline<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject({ code: 4, details: `Deadline exceeded: no answer in ${CALL_DEADLINE_MS} ms` }),
      CALL_DEADLINE_MS,
    );
  });
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

function authenticate(credentials: NodeCredentials): AuthenticatedLnd {
  return lnService.authenticatedLndGrpc({
    socket: credentials.grpcHost,
    cert: credentials.cert,
    macaroon: credentials.macaroon,
  }).lnd;
}

function reverseHexBytes(hex: string): string {
  return Buffer.from(hex, 'hex').reverse().toString('hex');
}
