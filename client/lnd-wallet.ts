import { readFileSync, existsSync } from 'node:fs';
import { authenticatedLndGrpc, pay } from 'ln-service';

/** The bot's own LND node: where to reach it (cert and macaroon as base64 or file paths). */
export interface LndWalletOptions {
  host: string;
  cert: string;
  macaroon: string;
}

export interface LndWallet {
  /** Pays a BOLT11 invoice from the bot's node; resolves with the sats paid (fees included). */
  pay(paymentRequest: string, maxFeeSat?: number): Promise<{ paidSat: number }>;
}

/** A file path is read (cert as PEM/DER bytes, macaroon as bytes); anything else is taken as base64. */
function credential(value: string): string {
  return existsSync(value) ? readFileSync(value).toString('base64') : value;
}

/**
 * Connects to the bot's LND over gRPC through ln-service. This is the payer's node, not the
 * server's: the server never sees its credentials.
 */
export function connectLndWallet(options: LndWalletOptions): LndWallet {
  const { lnd } = authenticatedLndGrpc({
    socket: options.host,
    cert: credential(options.cert),
    macaroon: credential(options.macaroon),
  });
  return {
    async pay(paymentRequest, maxFeeSat = 10) {
      const result = await pay({ lnd, request: paymentRequest, max_fee: maxFeeSat });
      return { paidSat: result.tokens + result.fee };
    },
  };
}
