import { expect, test, type Page } from '@playwright/test';
import { openBoard, paidOrder, pixelPoint } from './support/board-page';
import { screen } from './support/screens';

// Near the 140-character limit: more than two lines in the corner.
const LONG_MESSAGE =
  'a message long enough to need more than two lines in the corner, so it ends with an ellipsis rather than being cut through a line of text';

// Six orders at known spots, oldest first; the newest is Frank's.
const ORDERS = [
  { name: 'Alice', x: 100, y: 120, message: 'hello board' },
  { name: 'Bob', x: 220, y: 130, message: LONG_MESSAGE },
  { name: 'Carol', x: 340, y: 140 },
  { name: 'Dave', x: 460, y: 150, message: 'gm' },
  { name: 'Erin', x: 580, y: 160, message: LONG_MESSAGE },
  { name: 'Frank', x: 700, y: 170, message: 'stacking sats' },
];

test.beforeAll(async ({ request }) => {
  for (const { name, x, y, message } of ORDERS) {
    const pixels = [0, 1, 2].map((i) => ({ x: x + i, y, color: 13 }));
    await paidOrder(request, pixels, { name, ...(message && { message }) });
  }
});

/** Waits until the page's address says the view is centred near (x, y) at `zoom`. */
async function expectViewAt(page: Page, x: number, y: number, zoom: number) {
  await expect
    .poll(() => {
      const query = new URL(page.url()).searchParams;
      return (
        Math.abs(Number(query.get('x')) - x) <= 2 &&
        Math.abs(Number(query.get('y')) - y) <= 3 &&
        Number(query.get('zoom')) === zoom
      );
    })
    .toBe(true);
}

test('the desktop feed lists whole entries with times, and an entry shows where it was painted', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page);
  const entries = page.getByTestId('feed-list').getByTestId('feed-entry');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText('Frank painted 3 px');
  await expect(entries.nth(0)).toContainText('stacking sats');
  await expect(entries.nth(0).locator('time')).toHaveText('just now');
  await expect(entries.nth(1)).toContainText('Erin painted 3 px');

  // Nothing in the corner is cut: the box holds every entry, and a long message ends whole.
  const feed = page.getByTestId('feed');
  expect(await feed.evaluate((box) => box.scrollHeight <= box.clientHeight + 1)).toBe(true);
  const feedBox = (await feed.boundingBox())!;
  const last = (await entries.nth(3).boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(feedBox.y + feedBox.height);
  const erinMessage = entries.nth(1).locator('q');
  const lines = await erinMessage.evaluate((q) => {
    const lineHeight = parseFloat(getComputedStyle(q).lineHeight);
    return q.getBoundingClientRect().height / lineHeight;
  });
  expect(Math.abs(lines - Math.round(lines))).toBeLessThan(0.05); // whole lines only
  expect(Math.round(lines)).toBe(2);
  await screen(page, 'feed-desktop');

  // The list is one tab stop; the arrows move along it and Enter shows Erin's pixels.
  const buttons = entries.getByRole('button');
  await expect(buttons.nth(0)).toHaveAttribute('tabindex', '0');
  await expect(buttons.nth(1)).toHaveAttribute('tabindex', '-1');
  await buttons.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expectViewAt(page, 581, 160, 20);
  const erin = await pixelPoint(page, 581, 160);
  expect(Math.abs(erin.x - 720)).toBeLessThan(30);
  await screen(page, 'feed-desktop-jumped');

  // All of them, in a panel: Alice's is there with her message, and shows her spot.
  await page.getByRole('button', { name: 'All recent orders' }).click();
  const panel = page.getByTestId('feed-panel');
  await expect(panel).toBeVisible();
  const alice = panel.getByTestId('feed-entry').filter({ hasText: 'Alice painted 3 px' });
  await expect(alice).toContainText('hello board');
  await screen(page, 'feed-panel-desktop');
  await alice.getByRole('button').click();
  await expectViewAt(page, 101, 120, 20);
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('on a phone the feed opens as a sheet with messages, and an entry shows its spot', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await context.addInitScript(() => localStorage.setItem('boltboard.intro-seen', 'e2e'));
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('board-status')).toContainText('live');

  const summary = page.getByTestId('feed-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Frank painted 3 px');
  await expect(summary).toContainText('stacking sats');
  await expect(page.getByTestId('feed-list')).toBeHidden();
  await summary.tap();

  const sheet = page.getByTestId('feed-panel');
  await expect(sheet).toBeVisible();
  const box = (await sheet.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  const dave = sheet.getByTestId('feed-entry').filter({ hasText: 'Dave painted 3 px' });
  await expect(dave).toContainText('gm');
  await expect(sheet.getByTestId('feed-entry').filter({ hasText: 'Bob' })).toContainText(
    'a message long enough',
  );
  await screen(page, 'feed-phone-sheet');

  await dave.getByRole('button').tap();
  await expect(sheet).toBeHidden();
  await expectViewAt(page, 461, 150, 20);
  const spot = await pixelPoint(page, 461, 150);
  expect(spot.x).toBeGreaterThan(0);
  expect(spot.x).toBeLessThan(390);
  expect(spot.y).toBeGreaterThan(80);
  expect(spot.y).toBeLessThan(600);
  await screen(page, 'feed-phone-jumped');
  await context.close();
});
