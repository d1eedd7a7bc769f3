import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

/**
 * Opens the board (optionally at a view) and waits until it is live. The first-visit
 * introduction is marked as seen unless `{ intro: true }`: most tests are about other things.
 */
export async function openBoard(page: Page, query = '', { intro = false } = {}): Promise<void> {
  if (!intro) {
    await page.addInitScript(() => localStorage.setItem('boltboard.intro-seen', 'e2e'));
  }
  await page.goto(`/${query}`);
  await expect(page.getByTestId('board-status')).toContainText('live');
}

/** Screen position of the centre of board pixel (x, y), from where the canvas is drawn now. */
export async function pixelPoint(page: Page, x: number, y: number) {
  const box = await page.getByTestId('board').evaluate((canvas: HTMLCanvasElement) => {
    const rect = canvas.getBoundingClientRect();
    return { left: rect.left, top: rect.top, scale: rect.width / canvas.width };
  });
  return { x: box.left + (x + 0.5) * box.scale, y: box.top + (y + 0.5) * box.scale };
}

/** Presses at one board pixel, drags to another (or releases in place). */
export async function dragPixels(page: Page, from: [number, number], to: [number, number] = from) {
  const a = await pixelPoint(page, ...from);
  const b = await pixelPoint(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** A one- or two-finger gesture through Chromium's touch input (pointer events follow). */
export async function touchGesture(
  page: Page,
  from: Array<[number, number]>,
  to: Array<[number, number]>,
) {
  const cdp = await page.context().newCDPSession(page);
  const points = (list: Array<[number, number]>) => list.map(([x, y], id) => ({ x, y, id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    const at = from.map(
      ([x, y], k) =>
        [x + ((to[k][0] - x) * i) / steps, y + ((to[k][1] - y) * i) / steps] as [number, number],
    );
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(at) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** RGB of a pixel of one of the page's canvases (`board` or `draft`); alpha 0 means none. */
export async function canvasPixel(page: Page, testId: 'board' | 'draft', x: number, y: number) {
  return page
    .getByTestId(testId)
    .evaluate(
      (canvas: HTMLCanvasElement, [px, py]) => [
        ...canvas.getContext('2d')!.getImageData(px, py, 1, 1).data,
      ],
      [x, y] as const,
    );
}

export function hexRgb(hex: string): number[] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

/** Places and pays an order through the API, as another visitor or a bot would. */
export async function paidOrder(
  request: APIRequestContext,
  pixels: Array<{ x: number; y: number; color: number }>,
  extra: { name?: string; message?: string } = {},
) {
  const order = await request.post('/api/orders', { data: { pixels, ...extra } });
  expect(order.status(), await order.text()).toBe(201);
  const { paymentRequest, id } = (await order.json()) as { paymentRequest: string; id: string };
  const paid = await request.post('/api/dev/pay', { data: { paymentRequest } });
  expect(paid.status()).toBe(200);
  return id;
}

/** Saves a screenshot of the page as a test artifact (and in the output folder). */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
