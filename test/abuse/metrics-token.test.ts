import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const TOKEN = 'metrics-token-0123456789';

describe('METRICS_TOKEN', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.destroy();
    server = undefined;
  });

  it('keeps /api/metrics for the bearer of the token when set', async () => {
    server = await startTestServer({ METRICS_TOKEN: TOKEN });
    const anonymous = await fetch(`${server.url}/api/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await fetch(`${server.url}/api/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.status).toBe(401);
    const bearer = await fetch(`${server.url}/api/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).toContain('boltboard_');
  });

  it('leaves /api/metrics open without it', async () => {
    server = await startTestServer();
    expect((await fetch(`${server.url}/api/metrics`)).status).toBe(200);
  });
});
