import { expect, test } from '@playwright/test';

test('pages carry security headers, and secrets never reach the browser', async ({ request }) => {
  const page = await request.get('/');
  const headers = page.headers();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  const html = await page.text();
  expect(html).not.toMatch(/macaroon|ADMIN_TOKEN|postgres:\/\//i);
  const settings = await (await request.get('/api/settings')).text();
  expect(settings).not.toMatch(/macaroon|cert|token|password/i);
});
