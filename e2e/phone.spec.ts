import { expect, test } from '@playwright/test';
import {
  canvasPixel,
  hexRgb,
  openBoard,
  pixelPoint,
  snap,
  touchGesture,
} from './support/board-page';

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

test('on a phone: pinch and buttons zoom, a finger pans, a tap draws, and buying works', async ({
  page,
}, testInfo) => {
  await openBoard(page);
  await snap(page, testInfo, 'phone-arrival');
  const level = page.getByTestId('zoom-level');
  const fit = await level.textContent();

  await touchGesture(
    page,
    [
      [160, 300],
      [200, 340],
    ],
    [
      [100, 240],
      [260, 400],
    ],
  );
  await expect(level).not.toHaveText(fit!);
  const pinched = await level.textContent();
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect(level).not.toHaveText(pinched!);
  await expect(page).toHaveURL(/zoom=/);
  const before = new URL(page.url()).searchParams.get('x');
  await touchGesture(page, [[200, 300]], [[120, 330]]);
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).not.toBe(before);

  await openBoard(page, '?x=850&y=850&zoom=16');
  await page.getByTestId('color-9').tap();
  await expect(page.getByTestId('tool-pencil')).toHaveAttribute('aria-pressed', 'true');
  for (const [x, y] of [
    [850, 850],
    [851, 850],
    [852, 851],
  ]) {
    const point = await pixelPoint(page, x, y);
    await page.touchscreen.tap(point.x, point.y);
  }
  await expect(page.getByTestId('draft-count')).toHaveText('3 px');
  await snap(page, testInfo, 'phone-draft');
  await page.getByTestId('buy').tap();
  await page.getByTestId('create-order').tap();
  await expect(page.getByTestId('invoice-qr')).toBeVisible();
  await snap(page, testInfo, 'phone-invoice');
  await page.getByTestId('pay-test-wallet').tap();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await expect.poll(() => canvasPixel(page, 'board', 851, 850)).toEqual(hexRgb('#a3dc67'));
  await snap(page, testInfo, 'phone-paid');
});
