import { expect, test } from '@playwright/test';
import { openBoard } from './support/board-page';
import { fitsWidth, screen } from './support/screens';

test('a first-time visitor is told what this is and what a pixel costs, once', async ({
  page,
  request,
}) => {
  const { pricePerPixelSat } = (await (await request.get('/api/settings')).json()) as {
    pricePerPixelSat: number;
  };
  const price = `${pricePerPixelSat} sat${pricePerPixelSat === 1 ? '' : 's'}`;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, '', { intro: true });

  const intro = page.getByTestId('intro');
  await expect(intro).toBeVisible();
  await expect(page.getByTestId('intro-price')).toContainText(`Each pixel costs ${price}`);
  await expect(intro).toContainText('100,000,000 sats make one bitcoin');
  await expect(intro).toContainText('Any Lightning wallet works');
  await expect(page.getByTestId('intro-start')).toBeFocused();
  // The price stays in view after it closes, and the other pages are a click away.
  await expect(page.getByTestId('price-per-pixel')).toHaveText(`${price} per pixel`, {
    useInnerText: true,
  });
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link')).toHaveText([
    'Timelapse',
    'API',
  ]);
  await screen(page, 'intro-desktop');

  await page.getByTestId('intro-start').click();
  await expect(intro).toBeHidden();
  await expect(page.getByTestId('tool-pencil')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('stage')).toBeFocused();
  await screen(page, 'intro-dismissed-desktop');

  // Remembered: not shown again, but the "?" button brings it back; Escape closes it.
  await page.reload();
  await expect(page.getByTestId('board-status')).toContainText('live');
  await expect(intro).toBeHidden();
  await page.getByTestId('open-intro').click();
  await expect(intro).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(intro).toBeHidden();

  await page.getByRole('link', { name: 'Timelapse' }).click();
  await expect(page).toHaveURL(/\/timelapse$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the name, the price and the introduction fit the screen', async ({ page }) => {
    await openBoard(page, '', { intro: true });
    await expect(page.getByTestId('intro')).toBeVisible();
    await expect(page.getByText('Boltboard', { exact: true })).toBeVisible();
    await expect(page.getByTestId('price-per-pixel')).toBeVisible();
    await expect(
      page.getByTestId('intro').getByRole('link', { name: 'API for bots' }),
    ).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
    await screen(page, 'intro-phone');
    await page.getByRole('button', { name: 'Just look around' }).tap();
    await expect(page.getByTestId('intro')).toBeHidden();
    // The top bar's pills do not overlap one another.
    const boxes = await page
      .locator('[data-testid="top-bar"] > *, [data-testid="status-bar"] > *')
      .evaluateAll((elements) =>
        elements
          .filter((element) => element.getAttribute('data-testid') !== 'status-bar')
          .map((element) => element.getBoundingClientRect())
          .filter((rect) => rect.width > 0)
          .map((rect) => ({ left: rect.left, right: rect.right, top: rect.top })),
      );
    const row = boxes.filter((box) => box.top < 30).sort((a, b) => a.left - b.left);
    for (let i = 1; i < row.length; i++)
      expect(row[i].left).toBeGreaterThanOrEqual(row[i - 1].right);
    expect(Math.max(...boxes.map((box) => box.right))).toBeLessThanOrEqual(390);
    await screen(page, 'board-phone-top-bar');
  });
});
