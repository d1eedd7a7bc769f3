import { expect, test } from '@playwright/test';
import { canvasPixel, dragPixels, hexRgb, openBoard, snap } from './support/board-page';

test('zoom and pan change the view and the URL; a reload restores view and draft', async ({
  page,
}, testInfo) => {
  await openBoard(page);
  const stage = page.getByTestId('stage');
  const box = (await stage.boundingBox())!;
  const fitLevel = await page.getByTestId('zoom-level').textContent();

  // Wheel zoom around a point, then the + button, then a drag pan and an arrow key.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('zoom-level')).not.toHaveText(fitLevel!);
  await expect(page).toHaveURL(/zoom=/);
  const zoomed = new URL(page.url());
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 500, box.y + 400, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(() => new URL(page.url()).searchParams.get('x'))
    .not.toBe(zoomed.searchParams.get('x'));
  await expect
    .poll(() => new URL(page.url()).searchParams.get('y'))
    .not.toBe(zoomed.searchParams.get('y'));

  const dragged = new URL(page.url()).searchParams.get('x');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).not.toBe(dragged);

  // Go somewhere precise, deep zoom: the grid shows. Draw two pixels, undo one, redo it.
  await openBoard(page, '?x=120&y=130&zoom=30');
  await page.keyboard.press('b');
  await page.keyboard.press('4'); // colour 4: #222222
  await dragPixels(page, [120, 130]);
  await dragPixels(page, [121, 131]);
  await expect(page.getByTestId('draft-count')).toHaveText('2 px');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('draft-count')).toHaveText('2 px');
  await page.keyboard.press('e');
  await dragPixels(page, [121, 131]);
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  await page.mouse.move(10, 10);
  await snap(page, testInfo, 'deep-zoom-grid-and-draft');

  const before = page.url();
  await page.reload();
  await expect(page.getByTestId('board-status')).toContainText('live');
  expect(page.url()).toBe(before);
  await expect(page.getByTestId('zoom-level')).toHaveText('30×');
  await expect(page.getByTestId('draft-count')).toHaveText('1 px');
  expect(await canvasPixel(page, 'draft', 120, 130)).toEqual(hexRgb('#222222'));
  expect((await canvasPixel(page, 'draft', 121, 131))[3]).toBe(0);
  const centre = await page.getByTestId('board').evaluate((canvas) => {
    const rect = canvas.getBoundingClientRect();
    return (window.innerWidth / 2 - rect.left) / (rect.width / 1000);
  });
  expect(Math.round(centre)).toBe(120);
});

test('a stroke drawn just before the page reloads is still in the draft', async ({ page }) => {
  await openBoard(page, '?x=40&y=50&zoom=20');
  await page.keyboard.press('b');
  await page.keyboard.press('4');
  await dragPixels(page, [40, 50], [43, 50]);
  await expect(page.getByTestId('draft-count')).toHaveText('4 px');
  // No wait: the draft's save delay has not passed; leaving the page must save it.
  await page.reload();
  await expect(page.getByTestId('board-status')).toContainText('live');
  await expect(page.getByTestId('draft-count')).toHaveText('4 px');
  expect(await canvasPixel(page, 'draft', 43, 50)).toEqual(hexRgb('#222222'));
});
