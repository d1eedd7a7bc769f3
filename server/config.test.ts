import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      width: 1000,
      height: 1000,
      pricePerPixelSat: 1,
      maxPixelsPerOrder: 250_000,
      invoiceExpirySeconds: 600,
      lightning: { kind: 'simulator' },
      adminToken: undefined,
      databaseUrl: undefined,
    });
    expect(config.palette).toHaveLength(16);
    expect(config.palette[5]).toBe('#d4361e');
    // Room for the largest order, and no more than about 16 MB.
    expect(config.maxBodyBytes).toBeGreaterThan(250_000 * 40);
    expect(config.maxBodyBytes).toBeLessThanOrEqual(16.5 * 1024 * 1024);
  });

  it.each([
    ['PORT', 'abc'],
    ['CANVAS_WIDTH', '0'],
    ['PRICE_PER_PIXEL_SAT', '1.5'],
    ['MAX_PIXELS_PER_ORDER', '300000'],
    ['PALETTE', '#ffffff,blue'],
    ['PALETTE', '#ffffff,#ffffff'],
    ['DATABASE_URL', 'mysql://x'],
    ['ADMIN_TOKEN', 'short'],
  ])('stops on a bad %s naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });

  it('never falls back to the simulator when a node is partly configured', () => {
    expect(() => loadConfig({ LND_GRPC_HOST: 'localhost:10009' })).toThrow(/LND_MACAROON/);
    expect(() => loadConfig({ LND_CERT: 'c' })).toThrow(/^LND_GRPC_HOST:/);
    expect(
      loadConfig({ LND_GRPC_HOST: 'h:1', LND_CERT: 'c', LND_MACAROON: 'm' }).lightning,
    ).toEqual({
      kind: 'lnd',
      grpcHost: 'h:1',
      cert: 'c',
      macaroon: 'm',
      network: undefined,
    });
  });

  it('picks the redis adapter with REDIS_URL, and refuses it without', () => {
    expect(loadConfig({}).clusterAdapter).toBe('none');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).clusterAdapter).toBe('redis');
    expect(loadConfig({ CLUSTER_ADAPTER: 'postgres' }).clusterAdapter).toBe('postgres');
    expect(() => loadConfig({ CLUSTER_ADAPTER: 'redis' })).toThrow(/^REDIS_URL:/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/^REDIS_URL:/);
  });

  it('reads a fiat rate only as a pair of a currency code and a positive number', () => {
    expect(loadConfig({}).fiat).toBeUndefined();
    expect(loadConfig({ FIAT_CURRENCY: 'eur', FIAT_SATS_PER_UNIT: '1612.5' }).fiat).toEqual({
      currency: 'EUR',
      satsPerUnit: 1612.5,
    });
    expect(() => loadConfig({ FIAT_CURRENCY: 'EUR' })).toThrow(/^FIAT_SATS_PER_UNIT:/);
    expect(() => loadConfig({ FIAT_SATS_PER_UNIT: '1600' })).toThrow(/^FIAT_CURRENCY:/);
    expect(() => loadConfig({ FIAT_CURRENCY: 'EURO', FIAT_SATS_PER_UNIT: '1' })).toThrow(
      /^FIAT_CURRENCY:/,
    );
    for (const bad of ['0', '-3', 'abc']) {
      expect(() => loadConfig({ FIAT_CURRENCY: 'EUR', FIAT_SATS_PER_UNIT: bad })).toThrow(
        /^FIAT_SATS_PER_UNIT:/,
      );
    }
  });

  it('reads a custom palette', () => {
    expect(loadConfig({ PALETTE: '#000000, #FFFFFF' }).palette).toEqual(['#000000', '#ffffff']);
  });
});
