import { expect, test, type Page } from '@playwright/test';
import { canvasPixel, hexRgb, openBoard, pixelPoint } from './support/board-page';
import { screen } from './support/screens';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Taps one pixel into the draft and opens its invoice. */
async function invoiceForOnePixel(page: Page, x: number, y: number) {
  await openBoard(page, `?x=${x}&y=${y}&zoom=16`);
  await page.getByTestId('color-13').tap();
  const point = await pixelPoint(page, x, y);
  await page.touchscreen.tap(point.x, point.y);
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  await page.getByTestId('buy').tap();
  await page.getByTestId('create-order').tap();
  await expect(page.getByTestId('invoice')).toBeVisible();
}

test('on a phone the invoice leads with the wallet link; the QR is for another device', async ({
  page,
}) => {
  await invoiceForOnePixel(page, 600, 600);
  const primary = page.getByTestId('invoice-primary');
  await expect(primary).toHaveText('Open in wallet');
  expect(await primary.evaluate((element) => element.tagName)).toBe('A');
  await expect(primary).toHaveAttribute('href', /^lightning:lnbcrt/);
  await expect(primary).toBeFocused();
  // It comes before the QR code and the test wallet, and looks like the main action.
  const [linkBox, qrBox, testBox] = await Promise.all(
    ['invoice-primary', 'qr-hint', 'pay-test-wallet'].map(
      async (id) => (await page.getByTestId(id).boundingBox())!,
    ),
  );
  expect(linkBox.y).toBeLessThan(qrBox.y);
  expect(qrBox.y).toBeLessThan(testBox.y);
  await expect(page.getByTestId('qr-hint')).toHaveText(
    'Or scan it from another device with any Lightning wallet',
  );
  // The link wears the amber of the main action; the test wallet does not.
  const background = (id: string) =>
    page.getByTestId(id).evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('invoice-primary')).toBe('rgb(247, 181, 0)');
  expect(await background('pay-test-wallet')).not.toBe('rgb(247, 181, 0)');
  await expect(primary).toBeInViewport();
  await screen(page, 'checkout-invoice-phone');

  await page.getByTestId('pay-test-wallet').tap();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await screen(page, 'checkout-paid-phone');
});

test('with a WebLN wallet in the browser, paying is one tap', async ({ page }) => {
  // A stand-in browser wallet that pays through the simulator, as a real one pays through its node.
  await page.addInitScript(() => {
    (window as unknown as { webln: object }).webln = {
      enable: async () => undefined,
      sendPayment: async (paymentRequest: string) => {
        const answer = await fetch('/api/dev/pay', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ paymentRequest }),
        });
        if (!answer.ok) throw new Error('payment refused');
        return { preimage: '' };
      },
    };
  });
  await invoiceForOnePixel(page, 610, 600);
  const primary = page.getByTestId('invoice-primary');
  await expect(primary).toHaveText('Pay with browser wallet');
  await expect(page.getByTestId('open-in-wallet')).toHaveAttribute('href', /^lightning:/);
  await screen(page, 'checkout-webln-phone');
  await primary.tap();
  await expect(page.getByTestId('checkout-success')).toBeVisible();
  await expect.poll(() => canvasPixel(page, 'board', 610, 600)).toEqual(hexRgb('#3919d1'));
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false });

  test('the QR code comes first, with a hint to scan it', async ({ page }) => {
    await openBoard(page, '?x=620&y=600&zoom=16');
    await page.getByTestId('color-13').click();
    const point = await pixelPoint(page, 620, 600);
    await page.mouse.click(point.x, point.y);
    await page.getByTestId('buy').click();
    await page.getByTestId('create-order').click();
    await expect(page.getByTestId('qr-hint')).toHaveText('Scan with any Lightning wallet');
    await expect(page.getByTestId('invoice-primary')).toHaveCount(0);
    await expect(page.getByTestId('open-in-wallet')).toHaveAttribute('href', /^lightning:lnbcrt/);
    await screen(page, 'checkout-invoice-desktop');
  });
});
