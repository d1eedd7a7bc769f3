import { expect, test } from '@playwright/test';
import { dragPixels, openBoard } from './support/board-page';
import { screen } from './support/screens';

test.use({ viewport: { width: 1440, height: 900 } });

test('pixels drawn while an invoice is open are announced as the next purchase', async ({
  page,
}) => {
  await openBoard(page, '?x=150&y=150&zoom=20');
  await page.keyboard.press('b');
  await dragPixels(page, [150, 150]);
  await dragPixels(page, [151, 150]);
  await page.getByTestId('buy').click();
  await page.getByTestId('create-order').click();
  await expect(page.getByTestId('invoice')).toBeVisible();
  await expect(page.getByTestId('draft-grew')).toHaveCount(0);

  await dragPixels(page, [150, 152]);
  await dragPixels(page, [151, 152]);
  await dragPixels(page, [152, 152]);
  await expect(page.getByTestId('draft-count')).toHaveText('5 px');
  await expect(page.getByTestId('draft-grew')).toContainText(
    'This invoice covers the 2 px you had when you pressed Buy. You added 3 more since',
  );
  await screen(page, 'invoice-draft-grew-desktop');

  // Paying the invoice paints its two; the three stay in the draft, ready for the next one.
  await page.getByTestId('pay-test-wallet').click();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await expect(page.getByTestId('draft-count')).toHaveText('3 px');
});
