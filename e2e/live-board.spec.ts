import { expect, test } from '@playwright/test';

test('the page shows a pixel paid for while it was open, without a reload', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('board-status')).toContainText('live');

  const order = await request.post('/api/orders', {
    data: { pixels: [{ x: 2, y: 3, color: 13 }] },
  });
  expect(order.status()).toBe(201);
  const { paymentRequest } = (await order.json()) as { paymentRequest: string };
  const paid = await request.post('/api/dev/pay', { data: { paymentRequest } });
  expect(paid.status()).toBe(200);

  // Read the pixel back from the page's canvas: #3919d1 is palette index 13.
  await expect
    .poll(() =>
      page.getByTestId('board').evaluate((canvas: HTMLCanvasElement) => {
        const [r, g, b] = canvas.getContext('2d')!.getImageData(2, 3, 1, 1).data;
        return [r, g, b];
      }),
    )
    .toEqual([0x39, 0x19, 0xd1]);
});
