import { expect, test } from '@playwright/test';
import { openBoard, paidOrder } from './support/board-page';
import { screen } from './support/screens';

// The e2e server runs with FIAT_CURRENCY=EUR and FIAT_SATS_PER_UNIT=1600 (playwright.config.ts).
test('the board shows the price in euros and the last day of paints, counting live', async ({
  page,
  request,
}) => {
  const settings = (await (await request.get('/api/settings')).json()) as {
    fiat: { currency: string; satsPerUnit: number };
    activity24h: { pixels: number; orders: number };
  };
  expect(settings.fiat).toEqual({ currency: 'EUR', satsPerUnit: 1600 });
  const { pixels, orders } = settings.activity24h;

  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, '', { intro: true });
  await expect(page.getByTestId('intro-price')).toContainText(
    'Each pixel costs 1 sat (about €0.00063)',
  );
  await page.getByTestId('intro-start').click();
  const activity = page.getByTestId('activity-24h');
  await expect(activity).toHaveText(`${pixels} px · ${orders} orders in 24 h`);

  // Someone else paints 4 pixels: the count moves without a reload.
  await paidOrder(
    request,
    [0, 1, 2, 3].map((i) => ({ x: 500 + i, y: 500, color: 5 })),
  );
  await expect(activity).toHaveText(`${pixels + 4} px · ${orders + 1} orders in 24 h`);
  await screen(page, 'board-extras-desktop');
});
