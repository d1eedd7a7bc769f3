import { expect, test } from '@playwright/test';
import { openBoard, paidOrder, pixelPoint, snap } from './support/board-page';

test('clicking a pixel shows who painted it, with their message', async ({
  page,
  request,
}, testInfo) => {
  await paidOrder(request, [{ x: 300, y: 310, color: 3 }], {
    name: 'Satoshi',
    message: 'gm, canvas',
  });
  await paidOrder(request, [{ x: 300, y: 310, color: 12 }], {
    name: 'Hal',
    message: 'running bitcoin',
  });

  await openBoard(page, '?x=300&y=310&zoom=20');
  const point = await pixelPoint(page, 300, 310);
  await page.mouse.click(point.x, point.y);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Pixel (300, 310)');
  await expect(inspector).toContainText('#5880a8');
  const history = page.getByTestId('pixel-history').locator('li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Hal');
  await expect(history.nth(0)).toContainText('running bitcoin');
  await expect(history.nth(1)).toContainText('Satoshi');
  await expect(history.nth(1)).toContainText('gm, canvas');
  await snap(page, testInfo, 'inspector');
  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();
});
