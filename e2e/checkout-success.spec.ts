import { expect, test, type Page } from '@playwright/test';
import { dragPixels, openBoard, pixelPoint } from './support/board-page';
import { screen } from './support/screens';

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

test('after paying, "Show my pixels" brings the board back to them', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, '?x=640&y=620&zoom=16');
  await page.getByTestId('color-10').click();
  await page.getByTestId('tool-pencil').click();
  await dragPixels(page, [640, 620], [643, 620]);
  await expect(page.getByTestId('draft-count')).toHaveText('4 px');
  // Looking elsewhere meanwhile: the whole board.
  await page.getByRole('button', { name: 'Show the whole board' }).click();
  await page.getByTestId('buy').click();
  await page.getByTestId('create-order').click();
  await page.getByTestId('pay-test-wallet').click();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await page.getByTestId('show-paid-pixels').click();
  await expectViewAt(page, 642, 620, 20);
  await expect(page.getByTestId('checkout-success')).toBeVisible(); // beside the board
  await screen(page, 'checkout-show-pixels-desktop');
});

test('on a phone "Show my pixels" closes the sheet over them', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await context.addInitScript(() => localStorage.setItem('boltboard.intro-seen', 'e2e'));
  const page = await context.newPage();
  await page.goto('/?x=700&y=640&zoom=16');
  await expect(page.getByTestId('board-status')).toContainText('live');
  await page.getByTestId('color-10').tap();
  const point = await pixelPoint(page, 700, 640);
  await page.touchscreen.tap(point.x, point.y);
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  await page.getByRole('button', { name: 'Show the whole board' }).tap();
  await page.getByTestId('buy').tap();
  await page.getByTestId('create-order').tap();
  await page.getByTestId('pay-test-wallet').tap();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await page.getByTestId('show-paid-pixels').tap();
  await expect(page.getByTestId('checkout')).toBeHidden();
  await expectViewAt(page, 700, 640, 20);
  const spot = await pixelPoint(page, 700, 640);
  expect(spot.y).toBeGreaterThan(60);
  expect(spot.y).toBeLessThan(640);
  await screen(page, 'checkout-show-pixels-phone');

  // The next purchase starts with its own form, not the last one's success.
  const next = await pixelPoint(page, 701, 640);
  await page.touchscreen.tap(next.x, next.y);
  await page.getByTestId('buy').tap();
  await expect(page.getByTestId('create-order')).toBeVisible();
  await expect(page.getByTestId('checkout-success')).toBeHidden();
  await context.close();
});
