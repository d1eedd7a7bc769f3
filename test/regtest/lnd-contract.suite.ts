import { readFileSync } from 'node:fs';
import * as lnService from 'ln-service';
import { ensureRegtestNetwork, regtestLnd, REGTEST_START_TIMEOUT_MS } from '../support/regtest';
import { runNodeContract } from '../contract/node-contract';

const base64 = (file: string) => readFileSync(file).toString('base64');

runNodeContract(
  'real LND on regtest',
  async () => {
    const network = await ensureRegtestNetwork();
    const shopAdmin = regtestLnd(network.shop);
    const wallet = regtestLnd(network.wallet);
    return {
      grpcHost: network.shop.grpcHost,
      certBase64: base64(network.shop.cert),
      adminMacaroonBase64: base64(network.shop.adminMacaroon),
      invoiceMacaroonBase64: base64(network.shop.invoiceMacaroon),
      bake: async (permissions) => {
        const { macaroon } = await lnService.grantAccess({ lnd: shopAdmin, permissions });
        return macaroon;
      },
      // The wallet node pays over its channel to the shop; pay() resolves once settled.
      pay: async (request) => void (await lnService.pay({ lnd: wallet, request })),
      restart: () => network.restartShop(),
      stop: async () => undefined, // the network stays up for the other suites (npm run regtest -- stop)
    };
  },
  REGTEST_START_TIMEOUT_MS,
);
