import { expect, test, type Page } from '@playwright/test';

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

/** The policy's directives by name. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

test('scripts run by nonce only, a fresh one per page, and connections stay on this origin', async ({
  request,
}) => {
  const [first, second] = await Promise.all([request.get('/'), request.get('/')]);
  const policies = [first, second].map((answer) => answer.headers()['content-security-policy']);
  const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
  expect(nonces[0]).toBeTruthy();
  expect(nonces[0]).not.toBe(nonces[1]);
  const csp = directives(policies[0]);
  expect(csp.get('script-src')).not.toContain('unsafe-inline');
  expect(csp.get('script-src')).toContain(`'nonce-${nonces[0]}'`);
  expect(csp.get('connect-src')).toBe("'self'");
  // Every script Next put on the page carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonces[0]}"`);
});

test('HSTS is sent only over TLS, never to a plain-http visitor or on an untrusted header', async ({
  request,
}) => {
  const plain = await request.get('/');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  // This server trusts no proxy (TRUST_PROXY unset): a client's own X-Forwarded-Proto is ignored.
  const claimed = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(claimed.headers()['strict-transport-security']).toBeUndefined();
});

const PAGES = [
  {
    path: '/',
    ready: (page: Page) => expect(page.getByTestId('board-status')).toContainText('live'),
  },
  {
    path: '/admin',
    ready: (page: Page) => expect(page.getByTestId('admin-token')).toBeVisible(),
  },
  {
    path: '/docs',
    ready: (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible(),
  },
  {
    path: '/timelapse',
    ready: (page: Page) =>
      expect(page.getByTestId('timelapse-canvas')).toBeVisible({ timeout: 30_000 }),
  },
];

for (const { path, ready } of PAGES) {
  test(`${path} works under the policy: no violation, scripts and the live socket run`, async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const socketUrls: string[] = [];
    page.on('websocket', (socket) => socketUrls.push(socket.url()));
    await page.goto(path);
    await ready(page);
    if (path === '/') {
      // socket.io upgrades to a WebSocket on this origin: 'self' must allow ws: here.
      await expect.poll(() => socketUrls.length).toBeGreaterThan(0);
      expect(new URL(socketUrls[0]).host).toBe(new URL(page.url()).host);
    }
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  });
}
