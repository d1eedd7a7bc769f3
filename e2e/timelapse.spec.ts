import { expect, test, type Page } from '@playwright/test';
import { hexRgb, paidOrder } from './support/board-page';
import { fitsWidth, screen } from './support/screens';

const ORDERS = 30;
const RED = 5; // '#d4361e'

/** RGB of timelapse canvas pixel (x, y) as drawn now. */
function timelapsePixel(page: Page, x: number, y: number) {
  return page
    .getByTestId('timelapse-canvas')
    .evaluate(
      (canvas: HTMLCanvasElement, [px, py]) => [
        ...canvas.getContext('2d')!.getImageData(px, py, 1, 1).data,
      ],
      [x, y] as const,
    );
}

const frameText = (page: Page) => page.getByTestId('timelapse-frame');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  // A red diagonal, one order a pixel, so the history has many steps.
  for (let i = 0; i < ORDERS; i++) {
    await paidOrder(request, [{ x: 100 + i, y: 100 + i, color: RED }], {
      name: `painter ${i}`,
    });
  }
});

test('the timelapse plays, pauses, scrubs and changes speed, with the date of each frame', async ({
  page,
  request,
}) => {
  const { seq: head, width } = (await (await request.get('/api/settings')).json()) as {
    seq: number;
    width: number;
  };
  const scale = Math.min(1, 1000 / width);
  const steps = Math.min(120, head + 1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/timelapse');
  const canvas = page.getByTestId('timelapse-canvas');
  await expect(canvas).toBeVisible({ timeout: 30_000 });

  // Large and centred: most of the height, in the middle of the window.
  const box = (await canvas.boundingBox())!;
  expect(box.height).toBeGreaterThan(900 * 0.6);
  expect(Math.abs(box.x + box.width / 2 - 720)).toBeLessThan(4);
  expect(box.y + box.height).toBeLessThan(900);

  // It opens on the board as it is now, dated by the last change.
  await expect(frameText(page)).toHaveText(`after change #${head} · frame ${steps} of ${steps}`);
  const lastAt = (await (await request.get(`/api/changes?since=${head - 1}`)).json()) as {
    changes: Array<{ at: string }>;
  };
  const lastDate = await page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(
        new Date(at),
      ),
    lastAt.changes[0].at,
  );
  await expect(page.getByTestId('timelapse-date')).toHaveText(lastDate);
  const lastPixel = Math.floor((100 + ORDERS - 1) * scale);
  expect(await timelapsePixel(page, lastPixel, lastPixel)).toEqual(hexRgb('#d4361e'));
  await screen(page, 'timelapse-desktop');

  // Scrubbed to the start: the empty board.
  const scrub = page.getByTestId('timelapse-scrub');
  await scrub.fill('0');
  await expect(page.getByTestId('timelapse-date')).toHaveText('Before the first pixel');
  await expect(frameText(page)).toHaveText(`the empty board · frame 1 of ${steps}`);
  expect(await timelapsePixel(page, lastPixel, lastPixel)).toEqual(hexRgb('#ffffff'));
  // The keyboard steps it (the slider's own arrows).
  await scrub.focus();
  await page.keyboard.press('ArrowRight');
  await expect(frameText(page)).toContainText(`frame 2 of ${steps}`);
  await screen(page, 'timelapse-desktop-start');

  // Half speed: a second in, a few frames on and still playing; paused, it stays put.
  await page.getByRole('group', { name: 'Speed' }).getByRole('button', { name: '0.5×' }).click();
  await scrub.fill('0');
  const play = page.getByTestId('timelapse-play');
  await play.click();
  await expect(play).toHaveAttribute('aria-label', 'Pause');
  await page.waitForTimeout(1000);
  await play.click();
  await expect(play).toHaveAttribute('aria-label', 'Play');
  const pausedAt = Number(await scrub.inputValue());
  expect(pausedAt).toBeGreaterThan(1);
  expect(pausedAt).toBeLessThan(steps - 1);
  await screen(page, 'timelapse-desktop-paused');
  await page.waitForTimeout(500);
  expect(Number(await scrub.inputValue())).toBe(pausedAt);
  await expect(page.getByTestId('timelapse-date')).not.toHaveText('Before the first pixel');

  // Four times as fast, it plays to the end and stops there, the whole diagonal drawn.
  await page.getByRole('button', { name: '4×' }).click();
  await expect(page.getByRole('button', { name: '4×' })).toHaveAttribute('aria-pressed', 'true');
  await play.click();
  await expect(frameText(page)).toContainText(`frame ${steps} of ${steps}`, { timeout: 5_000 });
  await expect(play).toHaveAttribute('aria-label', 'Play');
  expect(await timelapsePixel(page, lastPixel, lastPixel)).toEqual(hexRgb('#d4361e'));

  // Space plays again from the start.
  await page.locator('body').click({ position: { x: 5, y: 890 } });
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-label', 'Pause');

  await page.getByTestId('back-to-board').click();
  await expect(page).toHaveURL(/\/$/);
});

test('on a phone the timelapse fills the width and its controls are in view', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto('/timelapse');
  const canvas = page.getByTestId('timelapse-canvas');
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  const box = (await canvas.boundingBox())!;
  expect(box.width).toBeGreaterThan(340);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  for (const control of ['timelapse-play', 'timelapse-scrub', 'timelapse-date']) {
    const part = (await page.getByTestId(control).boundingBox())!;
    expect(part.y + part.height, control).toBeLessThanOrEqual(844);
  }
  expect(await fitsWidth(page)).toBe(true);
  await page.getByTestId('timelapse-play').tap();
  await expect(page.getByTestId('timelapse-play')).toHaveAttribute('aria-label', 'Pause');
  await screen(page, 'timelapse-phone');
  await context.close();
});
