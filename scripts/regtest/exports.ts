import type { RegtestNetworkInfo } from './layout';

/**
 * The environment that points the app at the shop node (LND_*), a buyer's tools at the wallet
 * node (WALLET_LND_*), and tests at the shop's narrower macaroons.
 */
export function networkEnvironment(info: Omit<RegtestNetworkInfo, 'env'>): Record<string, string> {
  return {
    LND_GRPC_HOST: info.shop.grpcHost,
    LND_CERT: info.shop.cert,
    LND_MACAROON: info.shop.adminMacaroon,
    WALLET_LND_GRPC_HOST: info.wallet.grpcHost,
    WALLET_LND_CERT: info.wallet.cert,
    WALLET_LND_MACAROON: info.wallet.adminMacaroon,
    SHOP_INVOICE_MACAROON: info.shop.invoiceMacaroon,
    SHOP_INVOICES_ONLY_MACAROON: info.shop.invoicesOnlyMacaroon,
  };
}

/** `export` lines for a shell (`eval "$(npm run -s regtest)"`): shop, wallet, macaroons. */
export function shellExports(env: Record<string, string>): string[] {
  const q = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
  const line = (names: string[]) =>
    `export ${names.map((name) => `${name}=${q(env[name] ?? '')}`).join(' ')}`;
  return [
    line(['LND_GRPC_HOST', 'LND_CERT', 'LND_MACAROON']),
    line(['WALLET_LND_GRPC_HOST', 'WALLET_LND_CERT', 'WALLET_LND_MACAROON']),
    line(['SHOP_INVOICE_MACAROON', 'SHOP_INVOICES_ONLY_MACAROON']),
  ];
}
