import { expect, test, type Page } from '@playwright/test';
import { fitsWidth, screen } from './support/screens';

/** Visible text outside the code examples. */
function prose(page: Page) {
  return page.evaluate(() => {
    const copy = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('pre').forEach((pre) => pre.remove());
    return copy.innerText;
  });
}

test('/docs speaks of the board it is on, shows inline code as code, and leads back to the board', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/docs');
  const origin = new URL(page.url()).origin;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boltboard API');
  expect(await prose(page)).not.toContain('`');
  const examples = await page.locator('pre').allInnerTexts();
  expect(examples.join('\n')).toContain(`curl ${origin}/api/settings`);
  expect(examples.join('\n')).not.toContain('localhost:3000');
  // An operation summary with inline code renders it as code.
  await expect(page.locator('td code', { hasText: 'feed' }).first()).toBeVisible();
  await screen(page, 'docs-desktop');

  await page.getByTestId('back-to-board').click();
  await expect(page).toHaveURL(`${origin}/`);
});

test('on a phone the docs fit the screen and their tables scroll sideways', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  for (const path of ['/docs', '/docs/api']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await fitsWidth(page), path).toBe(true);
    await expect(page.getByTestId('back-to-board')).toBeVisible();
    const table = page.locator('table').first();
    await table.scrollIntoViewIfNeeded();
    const scroller = table.locator('xpath=..');
    const sizes = await scroller.evaluate((box) => ({
      scroll: box.scrollWidth,
      client: box.clientWidth,
      overflow: getComputedStyle(box).overflowX,
    }));
    expect(sizes.overflow, path).toBe('auto');
    expect(sizes.scroll, path).toBeGreaterThan(sizes.client);
    // Columns keep a readable width instead of a word a line.
    const firstCell = (await table.locator('td').first().boundingBox())!;
    expect(firstCell.width, path).toBeGreaterThan(90);
    await scroller.evaluate((box) => box.scrollBy(200, 0));
    expect(await scroller.evaluate((box) => box.scrollLeft), path).toBeGreaterThan(0);
    await screen(page, `docs${path.replace(/\//g, '-')}-phone`);
  }
  await context.close();
});
