// The local regtest network (`npm run regtest`) is up and moves real payments wallet -> shop.
import {
  createInvoice,
  getChannels,
  getInvoice,
  getWalletInfo,
  pay,
  type AuthenticatedLnd,
} from 'ln-service';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRegtestNetwork,
  REGTEST_START_TIMEOUT_MS,
  regtestLnd,
  type RegtestNetwork,
} from '../support/regtest';

describe('regtest network', () => {
  let network: RegtestNetwork;
  let shop: AuthenticatedLnd;
  let wallet: AuthenticatedLnd;

  beforeAll(async () => {
    network = await ensureRegtestNetwork();
    shop = regtestLnd(network.shop);
    wallet = regtestLnd(network.wallet);
  }, REGTEST_START_TIMEOUT_MS);

  it('has the shop answer GetInfo on regtest, synced', { timeout: 30_000 }, async () => {
    const info = await getWalletInfo({ lnd: shop });
    expect(info.public_key).toBe(network.shop.pubkey);
    expect(info.chains).toEqual([
      '06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f',
    ]);
    expect(info.is_synced_to_chain).toBe(true);
  });

  it(
    'has an active channel wallet -> shop with the funds on the wallet side',
    { timeout: 30_000 },
    async () => {
      const { channels } = await getChannels({ lnd: wallet, is_active: true });
      const channel = channels.find((c) => c.partner_public_key === network.shop.pubkey);
      expect(channel?.capacity).toBe(network.channelCapacitySat);
      expect(channel?.is_active).toBe(true);
      expect(channel?.local_balance).toBeGreaterThan(1_000);
    },
  );

  it('pays a 1,000 sat shop invoice from the wallet', { timeout: 60_000 }, async () => {
    const invoice = await createInvoice({ lnd: shop, tokens: 1_000, description: 'regtest test' });
    const paid = await pay({ lnd: wallet, request: invoice.request });
    expect(paid.tokens).toBe(1_000);
    const seen = await getInvoice({ lnd: shop, id: invoice.id });
    expect(seen.is_confirmed).toBe(true);
    expect(seen.received).toBe(1_000);
  });

  it('mines blocks that both nodes see', { timeout: 120_000 }, async () => {
    const before = (await getWalletInfo({ lnd: wallet })).current_block_height;
    const height = await network.mine(2);
    expect(height).toBeGreaterThanOrEqual(before + 2);
    for (const lnd of [shop, wallet]) {
      const info = await getWalletInfo({ lnd });
      expect(info.current_block_height).toBe(height);
      expect(info.is_synced_to_chain).toBe(true);
    }
  });

  it('restarts the shop node and pays it again once back', { timeout: 300_000 }, async () => {
    const pubkeyBefore = (await getWalletInfo({ lnd: shop })).public_key;
    await network.restartShop();
    const invoice = await createInvoice({ lnd: shop, tokens: 21 });
    await pay({ lnd: wallet, request: invoice.request });
    expect((await getInvoice({ lnd: shop, id: invoice.id })).is_confirmed).toBe(true);
    expect((await getWalletInfo({ lnd: shop })).public_key).toBe(pubkeyBefore);
  });

  it(
    'lets the invoices-only macaroon create invoices but not read node info',
    { timeout: 30_000 },
    async () => {
      const limited = regtestLnd(network.shop, network.shop.invoicesOnlyMacaroon);
      const invoice = await createInvoice({ lnd: limited, tokens: 5 });
      expect((await getInvoice({ lnd: limited, id: invoice.id })).tokens).toBe(5);
      await expect(getWalletInfo({ lnd: limited })).rejects.toBeDefined();
    },
  );
});
