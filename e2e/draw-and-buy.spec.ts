import { expect, test } from '@playwright/test';
import { canvasPixel, dragPixels, hexRgb, openBoard, snap } from './support/board-page';

test('one visitor draws and buys; another sees the pixels appear without a reload', async ({
  browser,
}, testInfo) => {
  const painter = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  const watcher = await (await browser.newContext()).newPage();
  await openBoard(painter, '?x=50&y=50&zoom=12');
  await openBoard(watcher);
  await snap(watcher, testInfo, 'arrival-whole-board');

  // Pencil: a click and a short stroke in red (#d4361e, index 5).
  const stageCursor = () =>
    painter.getByTestId('stage').evaluate((stage) => getComputedStyle(stage).cursor);
  expect(await stageCursor()).toBe('grab');
  await painter.getByTestId('color-5').click();
  await painter.getByTestId('tool-pencil').click();
  // A drawing tool shows a crosshair over the board.
  expect(await stageCursor()).toBe('crosshair');
  await dragPixels(painter, [45, 45]);
  await dragPixels(painter, [47, 45], [50, 45]);
  // Rectangle in blue (#3919d1, index 13): 4 x 3 pixels.
  await painter.keyboard.press('r');
  await painter.getByTestId('color-13').click();
  await dragPixels(painter, [45, 48], [48, 50]);
  await expect(painter.getByTestId('draft-count')).toHaveText('17 px');
  await expect(painter.getByTestId('draft-price')).toHaveText('17 sats');
  expect(await canvasPixel(painter, 'draft', 46, 49)).toEqual(hexRgb('#3919d1'));
  await snap(painter, testInfo, 'draft-drawn');

  await painter.getByTestId('buy').click();
  await painter.getByTestId('buyer-name').fill('Painter');
  await painter.getByTestId('buyer-message').fill('first!');
  await snap(painter, testInfo, 'checkout-form');
  await painter.getByTestId('create-order').click();
  await expect(painter.getByTestId('invoice-qr')).toBeVisible();
  await expect(painter.getByTestId('countdown')).toContainText('Expires in');
  await snap(painter, testInfo, 'checkout-invoice');
  await painter.getByTestId('pay-test-wallet').click();
  await expect(painter.getByTestId('checkout-success')).toBeVisible();
  await snap(painter, testInfo, 'checkout-paid');

  // Both pages show the pixels on the board itself; the painter's draft is now empty.
  for (const page of [watcher, painter]) {
    await expect.poll(() => canvasPixel(page, 'board', 45, 45)).toEqual(hexRgb('#d4361e'));
    await expect.poll(() => canvasPixel(page, 'board', 48, 50)).toEqual(hexRgb('#3919d1'));
  }
  await expect(painter.getByTestId('draft-count')).toHaveText('0 px');
  await snap(watcher, testInfo, 'watcher-sees-pixels');
});
