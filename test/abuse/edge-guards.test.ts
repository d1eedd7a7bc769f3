import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

type ErrorBody = { error: { code: string; message: string } };
const oneOrder = (x: number) => JSON.stringify({ pixels: [{ x, y: 0, color: 1 }] });

/** Sends only the headers of a POST and resolves with the status, never sending the body. */
function statusBeforeBody(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/orders`, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('the HTTP edge refuses before it works', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.destroy();
    server = undefined;
  });
  const orderCount = async () =>
    (await server!.context.db.query('SELECT count(*)::int AS n FROM orders')).rows[0].n as number;

  it('refuses a cross-site text/plain order (a simple request) with 415, and cross-site JSON with 403', async () => {
    server = await startTestServer();
    const plain = await api<ErrorBody>(server.url, '/api/orders', {
      rawBody: oneOrder(1),
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
    });
    expect(plain.status).toBe(415);
    expect(plain.body.error.code).toBe('unsupported_media_type');
    const form = await api<ErrorBody>(server.url, '/api/orders', {
      rawBody: 'pixels=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const crossSite = await api<ErrorBody>(server.url, '/api/orders', {
      rawBody: oneOrder(2),
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('cross_origin');
    const otherOrigin = await api<ErrorBody>(server.url, '/api/orders', {
      rawBody: oneOrder(3),
      headers: { Origin: 'https://evil.example' },
    });
    expect(otherOrigin.status).toBe(403);
    expect(await orderCount()).toBe(0);

    const host = new URL(server.url).host;
    const sameOrigin = await api(server.url, '/api/orders', {
      rawBody: oneOrder(4),
      headers: { 'Sec-Fetch-Site': 'same-origin', Origin: `http://${host}` },
    });
    expect(sameOrigin.status).toBe(201);
    const noBrowser = await api(server.url, '/api/orders', { rawBody: oneOrder(5) });
    expect(noBrowser.status).toBe(201);
    expect(await orderCount()).toBe(2);
  });

  it('answers 429 from the headers alone once a client is over its order rate', async () => {
    server = await startTestServer({ ORDER_RATE_LIMIT_PER_MINUTE: '12' }); // bursts of 2
    for (const x of [1, 2]) {
      expect((await api(server.url, '/api/orders', { rawBody: oneOrder(x) })).status).toBe(201);
    }
    // A 10 MB body announced and never sent: the answer cannot have waited for it.
    const status = await statusBeforeBody(server.url, {
      'Content-Type': 'application/json',
      'Content-Length': String(10 * 1024 * 1024),
    });
    expect(status).toBe(429);
  });

  it('holds every client to one global order rate too', async () => {
    server = await startTestServer({
      ORDER_RATE_LIMIT_PER_MINUTE: '600',
      ORDER_RATE_LIMIT_GLOBAL_PER_MINUTE: '18', // a burst of 3 for everybody
      TRUST_PROXY: 'loopback',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await api(server.url, '/api/orders', {
        rawBody: oneOrder(i),
        headers: { 'X-Forwarded-For': `198.51.100.${i + 1}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it('believes X-Forwarded-For only with TRUST_PROXY, and keys IPv6 by /64', async () => {
    const flood = async (url: string, forwardedFor: (i: number) => string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const answer = await api(url, '/api/orders', {
          rawBody: oneOrder(i),
          headers: { 'X-Forwarded-For': forwardedFor(i) },
        });
        statuses.push(answer.status);
      }
      return statuses;
    };
    server = await startTestServer({ ORDER_RATE_LIMIT_PER_MINUTE: '12' });
    // Untrusted: spoofed addresses change nothing, one client.
    expect(await flood(server.url, (i) => `203.0.113.${i}`)).toEqual([201, 201, 429, 429]);
    await server.destroy();

    server = await startTestServer({ ORDER_RATE_LIMIT_PER_MINUTE: '12', TRUST_PROXY: '1' });
    expect(await flood(server.url, (i) => `203.0.113.${i}`)).toEqual([201, 201, 201, 201]);
    // One /64 is one client, however many addresses it uses.
    expect(await flood(server.url, (i) => `2001:db8:0:1::${i + 1}`)).toEqual([201, 201, 429, 429]);
  });
});
