import { expect, test, type Page } from '@playwright/test';
import { screen } from './support/screens';

const PAGES = [
  {
    path: '/',
    name: 'board',
    ready: (page: Page) => expect(page.getByTestId('board-status')).toContainText('live'),
  },
  {
    path: '/admin',
    name: 'admin',
    ready: (page: Page) => expect(page.getByTestId('admin-token')).toBeVisible(),
  },
  {
    path: '/docs',
    name: 'docs',
    ready: (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible(),
  },
  {
    path: '/docs/api',
    name: 'docs-guide',
    ready: (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible(),
  },
  {
    path: '/timelapse',
    name: 'timelapse',
    ready: (page: Page) =>
      expect(page.getByTestId('timelapse-canvas')).toBeVisible({ timeout: 30_000 }),
  },
];

/** Everything that went wrong while a page loaded: console errors, failed or refused requests. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

for (const viewport of [
  { label: 'desktop', size: { width: 1440, height: 900 }, touch: false },
  { label: 'phone', size: { width: 390, height: 844 }, touch: true },
]) {
  test.describe(`on a ${viewport.label}`, () => {
    test.use({ viewport: viewport.size, hasTouch: viewport.touch, isMobile: viewport.touch });

    for (const { path, name, ready } of PAGES) {
      test(`${path} loads with no console error and no failed request`, async ({ page }) => {
        const problems = watchProblems(page);
        await page.goto(path);
        await ready(page);
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await screen(page, `${name}-${viewport.label}`);

        // The icons and manifest the page links to exist, the favicon among them.
        const links = await page
          .locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
          .evaluateAll((elements) => elements.map((link) => (link as HTMLLinkElement).href));
        expect(links.some((href) => href.endsWith('/favicon.ico'))).toBe(true);
        expect(links.some((href) => href.includes('manifest'))).toBe(true);
        for (const href of links) {
          const answer = await page.request.get(href);
          expect(answer.status(), href).toBe(200);
        }
        expect(problems).toEqual([]);
      });
    }
  });
}

test('favicon, robots.txt and the manifest are served; a shared view previews that view', async ({
  page,
  request,
}) => {
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  const ico = await favicon.body();
  // An ICO header: reserved 0, type 1 (icon), at least one image.
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  expect(ico.readUInt16LE(4)).toBeGreaterThan(0);

  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toContain('Disallow: /admin');

  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
    name: string;
    icons: Array<{ src: string }>;
  };
  expect(manifest.name).toBe('Boltboard');
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);

  await page.goto('/?x=120&y=80&zoom=8');
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(ogImage).toBe(`${new URL(page.url()).origin}/api/preview.png?x=120&y=80&zoom=8`);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
    'content',
    'summary_large_image',
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Boltboard');
});
