import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { request, startNginx, type RunningNginx } from './support/nginx';

const order = (x: number) => JSON.stringify({ pixels: [{ x, y: 0, color: 1 }] });
const json = { 'Content-Type': 'application/json' };
const FLOODER = '127.0.0.2';
const NEIGHBOUR = '127.0.0.3';

describe('behind the documented nginx (docs/nginx.conf, TLS)', () => {
  let server: TestServer;
  let nginx: RunningNginx;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '1', ORDER_RATE_LIMIT_PER_MINUTE: '12' });
    nginx = await startNginx(server.port);
  });
  afterAll(async () => {
    await nginx?.stop();
    await server?.destroy();
  });

  it('limits one flooding client without touching another, whatever it forwards', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await request(`${nginx.url}/api/orders`, {
        localAddress: FLOODER,
        headers: { ...json, 'X-Forwarded-For': `203.0.113.${i}`, Forwarded: `for=198.51.100.${i}` },
        body: order(i),
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 2)).toEqual([201, 201]);
    expect(statuses.slice(2)).toEqual([429, 429, 429, 429]);

    const neighbour = await request(`${nginx.url}/api/orders`, {
      localAddress: NEIGHBOUR,
      headers: json,
      body: order(100),
    });
    expect(neighbour.status).toBe(201);
    const keys = await server.context.db.query<{ client_key: string }>(
      'SELECT DISTINCT client_key FROM orders ORDER BY client_key',
    );
    expect(keys.rows.map((row) => row.client_key)).toEqual([FLOODER, NEIGHBOUR]);
  });

  it('refuses a cross-site text/plain order through the proxy', async () => {
    const answer = await request(`${nginx.url}/api/orders`, {
      localAddress: '127.0.0.4',
      headers: {
        'Content-Type': 'text/plain',
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: order(200),
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('accepts a same-origin browser order through the proxy (Host keeps its port)', async () => {
    const answer = await request(`${nginx.url}/api/orders`, {
      localAddress: '127.0.0.5',
      headers: { ...json, Origin: nginx.url },
      body: order(300),
    });
    expect(answer.status).toBe(201);
  });
});
