import { parsePaymentRequest } from 'invoices';
import { priceSat, satToMsat } from '../../protocol/price';

/** An invoice the bot will not pay; its message says why, and nothing was paid. */
export class InvoiceRefusedError extends Error {
  constructor(message: string) {
    super(`refused to pay: ${message}`);
    this.name = 'InvoiceRefusedError';
  }
}

export interface SpendingLimits {
  /** The board's network (`regtest`, `mainnet`, ...; `unknown` skips the check). */
  network: string;
  pricePerPixelSat: number;
  /** The most this run may pay in all: the drawing's price shown, plus the --budget for repairs. */
  maxTotalSat: number;
}

/** invoices' network names, as the board names them. */
const BOARD_NETWORK: Record<string, string> = { bitcoin: 'mainnet' };

/**
 * Every invoice a board returns is decoded before it is paid: its amount must be exactly the
 * pixels ordered times the board's price, its network the board's, and the run's total must
 * stay within what the run said it would spend. A broken or malicious board gets nothing.
 */
export class SpendingGuard {
  private committedSat = 0;

  constructor(private readonly limits: SpendingLimits) {}

  get spentOrReservedSat(): number {
    return this.committedSat;
  }

  get remainingSat(): number {
    return this.limits.maxTotalSat - this.committedSat;
  }

  /** Checks `paymentRequest` for an order of `pixelCount` pixels and reserves its amount. */
  approve(paymentRequest: string, pixelCount: number): number {
    let invoice: ReturnType<typeof parsePaymentRequest>;
    try {
      invoice = parsePaymentRequest({ request: paymentRequest });
    } catch {
      throw new InvoiceRefusedError('the board returned something that is not a BOLT11 invoice');
    }
    let expectedSat: number;
    try {
      expectedSat = priceSat(pixelCount, this.limits.pricePerPixelSat);
    } catch {
      throw new InvoiceRefusedError(
        `the board's price of ${this.limits.pricePerPixelSat} sat per pixel cannot be paid exactly`,
      );
    }
    const expectedMsat = BigInt(satToMsat(expectedSat));
    const askedMsat = BigInt(invoice.mtokens ?? '0');
    if (askedMsat !== expectedMsat) {
      throw new InvoiceRefusedError(
        `the invoice asks ${formatMsat(askedMsat)} for ${pixelCount} pixels at ${this.limits.pricePerPixelSat} sat each (${formatMsat(expectedMsat)})`,
      );
    }
    const network = BOARD_NETWORK[invoice.network] ?? invoice.network;
    if (this.limits.network !== 'unknown' && network !== this.limits.network) {
      throw new InvoiceRefusedError(
        `the invoice is for ${network} but the board says it runs on ${this.limits.network}`,
      );
    }
    if (invoice.is_expired) throw new InvoiceRefusedError('the invoice has expired');
    const amountSat = expectedSat;
    if (amountSat > this.remainingSat) {
      throw new InvoiceRefusedError(
        `${amountSat} sat would exceed this run's limit of ${this.limits.maxTotalSat} sat (${this.committedSat} sat already spent)`,
      );
    }
    this.committedSat += amountSat;
    return amountSat;
  }

  /** Gives back the amount of an approved invoice that was not paid after all. */
  release(amountSat: number): void {
    this.committedSat -= amountSat;
  }
}

function formatMsat(msat: bigint): string {
  return msat % 1000n === 0n ? `${msat / 1000n} sat` : `${msat} msat`;
}
