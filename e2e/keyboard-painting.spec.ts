import { expect, test, type Page } from '@playwright/test';
import { canvasPixel, hexRgb, openBoard } from './support/board-page';
import { screen } from './support/screens';

test.use({ viewport: { width: 1440, height: 900 } });

/** Presses Tab until `done` holds for the focused element; how many presses it took. */
async function tabUntil(page: Page, done: (element: Element) => boolean, limit = 30) {
  const check = () => page.evaluate(`(${done.toString()})(document.activeElement)`);
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await check()) return presses;
  }
  throw new Error(`not reached in ${limit} tabs`);
}

/** The keyboard cursor's pixel, as the status bar shows it. */
async function cursorAt(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId('coords').textContent();
  const match = /\((\d+), (\d+)\)/.exec(text ?? '');
  if (!match) throw new Error(`no cursor in "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

test('a keyboard-only visitor paints three pixels and reaches the invoice', async ({ page }) => {
  await openBoard(page, '?x=300&y=300&zoom=20');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('stage')).toBeFocused();
  await page.keyboard.press('b');
  await page.keyboard.press('4'); // colour 4: #222222
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const [x, y] = await cursorAt(page);

  // Enter and Space paint under the cursor; the arrows move it one pixel.
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draft-count')).toHaveText('3 px');
  expect(await cursorAt(page)).toEqual([x + 1, y + 2]);
  for (const [px, py] of [
    [x, y],
    [x + 1, y],
    [x + 1, y + 2],
  ]) {
    expect(await canvasPixel(page, 'draft', px, py)).toEqual(hexRgb('#222222'));
  }
  expect((await canvasPixel(page, 'draft', x + 1, y + 1))[3]).toBe(0);
  await screen(page, 'keyboard-cursor-desktop');

  // The palette is one tab stop away from the board's controls; arrows change the colour.
  const toPalette = await tabUntil(page, (element) => element.getAttribute('role') === 'radio');
  expect(toPalette).toBeLessThanOrEqual(8);
  await expect(page.getByTestId('color-3')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('color-4')).toBeFocused();
  await expect(page.getByTestId('color-4')).toHaveAttribute('aria-checked', 'true');
  const ring = await page.getByTestId('color-4').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).toContain('rgb(247, 181, 0)');
  await screen(page, 'keyboard-palette-focus-desktop');

  // From the palette to Buy: past the tools, not past sixteen colours.
  const toBuy = await tabUntil(page, (element) => element.getAttribute('data-testid') === 'buy');
  expect(toBuy).toBeLessThanOrEqual(12);
  const buyRing = await page.getByTestId('buy').evaluate((el) => getComputedStyle(el).outline);
  expect(buyRing).toContain('rgb(255, 255, 255)');
  await screen(page, 'keyboard-buy-focus-desktop');

  // Buy opens the form with the focus in it; Enter there asks for the invoice.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('buyer-name')).toBeFocused();
  await page.keyboard.type('Keys only');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('invoice')).toBeVisible();
  await expect(page.getByTestId('payment-request')).toBeFocused();
  await screen(page, 'keyboard-invoice-desktop');

  // Pay with the test wallet, then "Done" has the focus, and after it the board again.
  await tabUntil(page, (element) => element.getAttribute('data-testid') === 'pay-test-wallet');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stage')).toBeFocused();
  await expect.poll(() => canvasPixel(page, 'board', x + 1, y + 2)).toEqual(hexRgb('#222222'));
});

test('a keyboard line takes two presses; Alt and the arrows still move the board', async ({
  page,
}) => {
  await openBoard(page, '?x=500&y=500&zoom=20');
  await page.keyboard.press('Tab');
  await page.keyboard.press('l');
  await page.keyboard.press('Enter');
  const [x, y] = await cursorAt(page);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draft-count')).toHaveText('5 px');

  const before = new URL(page.url()).searchParams.get('x');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).not.toBe(before);
  expect(await cursorAt(page)).toEqual([x + 4, y]);
});

test('the draft shows its true colours, steadily (no blinking)', async ({ page }) => {
  await openBoard(page, '?x=700&y=700&zoom=20');
  await page.keyboard.press('Tab');
  await page.keyboard.press('b');
  await page.keyboard.press('Shift+]'); // next colour
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  const draft = page.getByTestId('draft');
  const style = () =>
    draft.evaluate((canvas) => {
      const computed = getComputedStyle(canvas);
      return { animation: computed.animationName, opacity: computed.opacity };
    });
  expect(await style()).toEqual({ animation: 'none', opacity: '1' });
  await page.waitForTimeout(800);
  expect(await style()).toEqual({ animation: 'none', opacity: '1' });
  await screen(page, 'draft-steady-desktop');
});
