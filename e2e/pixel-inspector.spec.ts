import { expect, test, type Page } from '@playwright/test';
import { openBoard, paidOrder, pixelPoint } from './support/board-page';
import { screen } from './support/screens';

async function inspect(page: Page, x: number, y: number) {
  const point = await pixelPoint(page, x, y);
  await page.mouse.click(point.x, point.y);
}

test('clicking a pixel tells its story: colour by name, who, when, what they paid, and a link to the spot', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await paidOrder(request, [{ x: 300, y: 310, color: 3 }], {
    name: 'Satoshi',
    message: 'gm, canvas',
  });
  await paidOrder(
    request,
    [
      { x: 300, y: 310, color: 12 },
      { x: 301, y: 310, color: 12 },
      { x: 302, y: 310, color: 12 },
    ],
    { name: 'Hal', message: 'running bitcoin' },
  );

  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, '?x=300&y=310&zoom=20');
  await inspect(page, 300, 310);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Pixel (300, 310)');
  await expect(page.getByTestId('pixel-colour')).toHaveText('Steel blue#5880a8');
  await expect(inspector).not.toContainText('Colour 13');
  const history = page.getByTestId('pixel-history').locator('li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Hal');
  await expect(history.nth(0)).toContainText('running bitcoin');
  await expect(history.nth(0).getByTestId('pixel-paid')).toHaveText(
    'Paid 3 sats (€0.0019) for 3 pixels',
  );
  await expect(history.nth(0).locator('time')).toHaveText('just now');
  await expect(history.nth(1)).toContainText('Satoshi');
  await expect(history.nth(1)).toContainText('gm, canvas');
  await expect(history.nth(1).getByTestId('pixel-paid')).toHaveText('Paid 1 sat (€0.00063)');

  // The spot's address: opening it shows that pixel; Copy link puts it on the clipboard.
  const origin = new URL(page.url()).origin;
  const link = `${origin}/?x=300&y=310&zoom=20`;
  await expect(page.getByTestId('spot-link')).toHaveAttribute('href', link);
  await page.getByTestId('copy-spot').click();
  await expect(page.getByTestId('copy-spot')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await screen(page, 'inspector-desktop');

  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();

  // A pixel never painted says so, and names the blank board's colour.
  await inspect(page, 310, 320);
  await expect(page.getByTestId('pixel-colour')).toHaveText('White#ffffff');
  await expect(page.getByTestId('pixel-history')).toContainText('Never painted');
});

test('on a phone the inspector shows the same story and can share the spot', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await context.addInitScript(() => localStorage.setItem('boltboard.intro-seen', 'e2e'));
  const page = await context.newPage();
  await page.goto('/?x=300&y=310&zoom=20');
  await expect(page.getByTestId('board-status')).toContainText('live');
  const point = await pixelPoint(page, 301, 310);
  await page.touchscreen.tap(point.x, point.y);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Pixel (301, 310)');
  await expect(page.getByTestId('pixel-colour')).toContainText('Steel blue');
  await expect(page.getByTestId('pixel-paid').first()).toContainText('Paid 3 sats');
  const box = (await inspector.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await screen(page, 'inspector-phone');
  await context.close();
});
