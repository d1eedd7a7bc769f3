import { authenticatedLndGrpc, pay } from 'ln-service';
import { readLndCredential } from '../protocol/lnd-credential';

/** The bot's own LND node: where to reach it (cert and macaroon as file paths, base64 or hex). */
export interface LndWalletOptions {
  host: string;
  cert: string;
  macaroon: string;
}

export interface LndWallet {
  /** Pays a BOLT11 invoice from the bot's node; resolves with the sats paid (fees included). */
  pay(paymentRequest: string, maxFeeSat?: number): Promise<{ paidSat: number }>;
}

/**
 * Connects to the bot's LND over gRPC through ln-service. This is the payer's node, not the
 * server's: the server never sees its credentials.
 */
export function connectLndWallet(options: LndWalletOptions): LndWallet {
  const { lnd } = authenticatedLndGrpc({
    socket: options.host,
    cert: readLndCredential(options.cert),
    macaroon: readLndCredential(options.macaroon),
  });
  return {
    async pay(paymentRequest, maxFeeSat = 10) {
      const result = await pay({ lnd, request: paymentRequest, max_fee: maxFeeSat });
      return { paidSat: result.tokens + result.fee };
    },
  };
}
