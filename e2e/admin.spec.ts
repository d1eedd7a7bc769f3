import { expect, test } from '@playwright/test';
import { canvasPixel, hexRgb, openBoard, paidOrder } from './support/board-page';

// The token playwright.config.ts starts the server with.
const ADMIN_TOKEN = 'e2e-operator-token-0123456789';
const BLUE = 13;
const RED = 5;

test('an operator scrubs back, reverts a drawn region, and visitors see it live', async ({
  page,
  browser,
  request,
}) => {
  await paidOrder(request, [
    { x: 4, y: 4, color: BLUE },
    { x: 5, y: 4, color: BLUE },
  ]);
  const { seq: blueSeq } = (await (await request.get('/api/settings')).json()) as { seq: number };
  await paidOrder(request, [
    { x: 4, y: 4, color: RED },
    { x: 5, y: 4, color: RED },
    { x: 900, y: 900, color: RED },
  ]);

  // A visitor watches the board in another browser context.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await openBoard(visitor);
  await expect.poll(() => canvasPixel(visitor, 'board', 4, 4)).toEqual(hexRgb('#d4361e'));

  // Sign in: a wrong token is refused, the right one opens the console.
  await page.goto('/admin');
  await page.getByTestId('admin-token').fill('not-the-operator-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That token is not right.')).toBeVisible();
  await page.getByTestId('admin-token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Scrub back to when the pixels were blue.
  const slider = page.getByTestId('history-slider');
  await expect(slider).toBeVisible();
  await slider.fill(String(blueSeq));
  await expect(page.getByTestId('history-seq')).toHaveText(`#${blueSeq}`);
  await expect(page.getByTestId('past-board')).toHaveAttribute(
    'src',
    `/api/canvas.png?seq=${blueSeq}`,
  );

  // Draw a region around them on the past board.
  const box = (await page.getByTestId('past-board').boundingBox())!;
  const perPixel = box.width / 1000;
  await page.mouse.move(box.x + 0.2, box.y + 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + 20 * perPixel, box.y + 20 * perPixel, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('region')).toContainText('at 0,0');

  // Preview, then confirm: only the two pixels inside the region differ.
  await page.getByTestId('revert-preview').click();
  await expect(page.getByTestId('revert-pixel-count')).toHaveText('2');
  await page.getByTestId('revert-confirm').click();
  await expect(page.getByTestId('revert-message')).toContainText('Reverted 2 pixels');

  // The visitor's board updates live; the pixel outside the region stays as it was.
  await expect.poll(() => canvasPixel(visitor, 'board', 4, 4)).toEqual(hexRgb('#3919d1'));
  await expect.poll(() => canvasPixel(visitor, 'board', 5, 4)).toEqual(hexRgb('#3919d1'));
  expect(await canvasPixel(visitor, 'board', 900, 900)).toEqual(hexRgb('#d4361e'));
  // The revert is in the operator's timeline.
  await expect(page.getByTestId('change-list')).toContainText('revert');
  await visitorContext.close();
});

test('the admin API refuses requests without the operator token', async ({ request }) => {
  const answer = await request.post('/api/admin/revert', { data: { toSeq: 0 } });
  expect(answer.status()).toBe(401);
  expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
});
