import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parsePaymentRequest } from 'invoices';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { runNodeContract } from './node-contract';

runNodeContract(
  'the built-in LND simulator',
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-contract-sim-'));
    const options = { dir, gcCanceledInvoices: true };
    let simulator: LndSimulator = await startLndSimulator(options);
    const { port } = simulator;
    return {
      grpcHost: simulator.host,
      certBase64: simulator.certBase64,
      adminMacaroonBase64: simulator.macaroonBase64,
      invoiceMacaroonBase64: simulator.invoiceMacaroonBase64,
      bake: async (permissions) => simulator.bakeMacaroon(permissions).toString('base64'),
      // The simulator cannot be paid by another node: a buyer's payment is its settleInvoice.
      pay: async (request) => {
        const settled = await simulator.settleInvoice(parsePaymentRequest({ request }).id);
        if (!settled) throw new Error('the simulator did not settle the invoice');
      },
      restart: async () => {
        await simulator.stop();
        simulator = await startLndSimulator({ ...options, port });
      },
      stop: async () => {
        await simulator.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  60_000,
);
