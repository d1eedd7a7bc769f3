import { readFileSync, existsSync } from 'node:fs';
import * as lnService from 'ln-service';
import chainIds from 'lightning/bolt02/ids.json';
import {
  LightningUnavailableError,
  describeLnError,
  type FollowPaymentsHandlers,
  type LightningNode,
} from './lightning-node';

type AuthenticatedLnd = ReturnType<typeof lnService.authenticatedLndGrpc>['lnd'];

export const SIMULATOR_ALIAS = 'boltboard-lnd-simulator';
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/** A base64 value, or the path of a file holding it (raw bytes or PEM), as LND_CERT/LND_MACAROON allow. */
export function readCredential(value: string, encoding: 'base64' | 'hex'): string {
  if (!existsSync(value)) return value;
  const bytes = readFileSync(value);
  return encoding === 'hex' ? bytes.toString('hex') : bytes.toString('base64');
}

/** Connects to an LND gRPC endpoint through ln-service. Nothing is sent until first use. */
export function connectLnd(options: {
  grpcHost: string;
  cert: string;
  macaroon: string;
}): LightningNode {
  const { lnd } = lnService.authenticatedLndGrpc({
    socket: options.grpcHost,
    cert: readCredential(options.cert, 'base64'),
    macaroon: readCredential(options.macaroon, 'base64'),
  });
  return new LnServiceNode(lnd);
}

class LnServiceNode implements LightningNode {
  constructor(private readonly lnd: AuthenticatedLnd) {}

  async describe() {
    const info = await unavailableOnError(() => lnService.getWalletInfo({ lnd: this.lnd }));
    const chains = chainIds.chains as Record<string, string>;
    // getWalletInfo gives chain ids in byte-reversed (display) order.
    const name =
      Object.keys(chains).find((key) => info.chains.includes(reverseHexBytes(chains[key]))) ??
      'unknown';
    return { network: name.replace(/^bitcoin/, ''), simulated: info.alias === SIMULATOR_ALIAS };
  }

  async createInvoice(request: { amountMsat: number; description: string; expiresAt: Date }) {
    const invoice = await unavailableOnError(() =>
      lnService.createInvoice({
        lnd: this.lnd,
        mtokens: String(request.amountMsat),
        description: request.description,
        expires_at: request.expiresAt.toISOString(),
      }),
    );
    return { paymentHash: invoice.id, paymentRequest: invoice.request };
  }

  async isInvoicePaid(paymentHash: string) {
    const invoice = await unavailableOnError(() =>
      lnService.getInvoice({ lnd: this.lnd, id: paymentHash }),
    );
    return invoice.is_confirmed;
  }

  async payInvoice(paymentRequest: string) {
    await lnService.pay({ lnd: this.lnd, request: paymentRequest });
  }

  followPayments(handlers: FollowPaymentsHandlers): () => void {
    let stopped = false;
    let retryMs = FIRST_RETRY_MS;
    let timer: NodeJS.Timeout | undefined;
    let current: ReturnType<typeof lnService.subscribeToInvoices> | undefined;

    const connect = () => {
      if (stopped) return;
      const subscription = lnService.subscribeToInvoices({ lnd: this.lnd });
      current = subscription;
      let connected = false;
      const markConnected = () => {
        if (connected) return;
        connected = true;
        retryMs = FIRST_RETRY_MS;
        handlers.onConnected();
      };
      subscription.on('invoice_updated', (invoice: { id: string; is_confirmed: boolean }) => {
        markConnected();
        if (invoice.is_confirmed) handlers.onPaid(invoice.id);
      });
      subscription.on('error', (error: unknown) => {
        // ln-service emits 'error' twice (the failure, then the stream's end): drop this
        // subscription for good (removing its listeners cancels the stream) and start afresh.
        subscription.removeAllListeners();
        subscription.on('error', () => undefined);
        if (stopped) return;
        handlers.onDisconnected(error, retryMs);
        timer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      });
      // The stream says nothing until an invoice changes: a successful call proves the
      // node is reachable, so reconcile then.
      lnService
        .getWalletInfo({ lnd: this.lnd })
        .then(() => !stopped && current === subscription && markConnected())
        .catch(() => undefined);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      current?.removeAllListeners();
      current?.on('error', () => undefined);
    };
  }
}

function reverseHexBytes(hex: string): string {
  return Buffer.from(hex, 'hex').reverse().toString('hex');
}

async function unavailableOnError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new LightningUnavailableError(error);
  }
}

export { describeLnError };
