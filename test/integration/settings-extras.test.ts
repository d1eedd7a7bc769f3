import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../protocol/http-responses';
import type { BoardSettings } from '../../protocol/settings';
import { paintPaid } from '../support/admin-client';
import { api } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

async function settings(server: TestServer): Promise<BoardSettings> {
  const { status, body } = await api<BoardSettings>(server.url, '/api/settings');
  expect(status).toBe(200);
  return settingsSchema.strict().parse(body);
}

describe('GET /api/settings: the fiat rate and the last 24 hours of paints', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers.reverse()) await server.destroy();
  });

  it('carries the configured rate, and the paid paints of the last day as they happen and across a restart', async () => {
    const server = await startTestServer({ FIAT_CURRENCY: 'eur', FIAT_SATS_PER_UNIT: '1612.5' });
    servers.push(server);
    const first = await settings(server);
    expect(first.fiat).toEqual({ currency: 'EUR', satsPerUnit: 1612.5 });
    expect(first.activity24h).toEqual({ pixels: 0, orders: 0 });

    await paintPaid(server.url, {
      pixels: [
        { x: 1, y: 1, color: 5 },
        { x: 2, y: 1, color: 5 },
        { x: 3, y: 1, color: 5 },
      ],
    });
    await paintPaid(server.url, {
      pixels: [
        { x: 9, y: 9, color: 2 },
        { x: 9, y: 8, color: 2 },
      ],
    });
    // Added as they are painted, not a minute later.
    expect((await settings(server)).activity24h).toEqual({ pixels: 5, orders: 2 });

    // A paint older than a day leaves the count: the database says so after a restart.
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    await db.query(
      "UPDATE changes SET created_at = now() - interval '25 hours' WHERE seq = (SELECT min(seq) FROM changes)",
    );
    await db.end();
    await server.stop();
    const again = await startTestServer(
      { FIAT_CURRENCY: 'EUR', FIAT_SATS_PER_UNIT: '1612.5' },
      { databaseUrl: server.databaseUrl, dataDir: server.dataDir },
    );
    servers.push(again);
    expect((await settings(again)).activity24h).toEqual({ pixels: 2, orders: 1 });
  });

  it('has no rate when none is configured', async () => {
    const server = await startTestServer();
    servers.push(server);
    const plain = await settings(server);
    expect(plain).not.toHaveProperty('fiat');
    expect(plain.activity24h).toEqual({ pixels: 0, orders: 0 });
  });
});
