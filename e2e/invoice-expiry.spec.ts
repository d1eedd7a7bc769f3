import { expect, test } from '@playwright/test';
import { dragPixels, openBoard, snap } from './support/board-page';

test('an expired invoice shows as expired and renews in one click', async ({ page }, testInfo) => {
  await page.clock.install();
  await openBoard(page, '?x=700&y=100&zoom=20');
  await page.keyboard.press('b');
  await dragPixels(page, [700, 100]);
  await page.getByTestId('buy').click();
  await page.getByTestId('create-order').click();
  await expect(page.getByTestId('countdown')).toContainText('Expires in 10:00');
  const first = await page.getByTestId('payment-request').inputValue();

  // The page's clock jumps past the invoice's expiry (600 s by default).
  await page.clock.fastForward('10:05');
  await expect(page.getByTestId('invoice-expired')).toBeVisible();
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  await snap(page, testInfo, 'invoice-expired');

  await page.getByTestId('renew').click();
  await expect(page.getByTestId('invoice')).toBeVisible();
  const renewed = await page.getByTestId('payment-request').inputValue();
  expect(renewed).not.toBe(first);
  await page.getByTestId('pay-test-wallet').click();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
});
