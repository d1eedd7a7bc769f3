import QRCode from 'qrcode';
import type { BoltboardClient } from '../boltboard-client';
import { connectLndWallet } from '../lnd-wallet';
import type { DrawArgs } from './draw-args';

/** How the CLI gets an invoice paid; resolution means "sent" (the server confirms it). */
export interface Payer {
  readonly label: string;
  pay(paymentRequest: string, amountSat: number): Promise<void>;
}

/** The payer the arguments ask for: the bot's LND, the simulator's test wallet, or a person. */
export function createPayer(
  payment: DrawArgs['payment'],
  client: BoltboardClient,
  print: (text: string) => void,
): Payer {
  if (payment.kind === 'dev-pay') {
    return { label: 'simulator test wallet', pay: (request) => client.devPay(request) };
  }
  if (payment.kind === 'lnd') {
    const wallet = connectLndWallet(payment);
    return {
      label: `LND at ${payment.host}`,
      pay: async (request) => void (await wallet.pay(request)),
    };
  }
  return {
    label: 'you (scan or paste each invoice into a wallet)',
    pay: async (request, amountSat) => {
      const qr = await QRCode.toString(request.toUpperCase(), { type: 'terminal', small: true });
      print(`\nPay ${amountSat} sat:\n${qr}\n${request}\n`);
    },
  };
}
