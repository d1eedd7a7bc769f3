import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { canvasPixel, openBoard, pixelPoint, touchGesture } from './support/board-page';
import { screen } from './support/screens';

const W = 128;
const H = 96;

/** A W x H opaque PNG: bands of colour, so every pixel lands in the draft. */
async function bandedPng(): Promise<Buffer> {
  const raw = Buffer.alloc(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const band = Math.floor((i % W) / 16);
    raw.set([band * 30, 255 - band * 30, (band * 70) % 256, 255], i * 4);
  }
  return sharp(raw, { raw: { width: W, height: H, channels: 4 } })
    .png()
    .toBuffer();
}

async function writeTemp(name: string, data: Buffer | string) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'boltboard-import-')), name);
  await writeFile(file, data);
  return file;
}

async function placedCorner(page: Page) {
  return {
    x: Number(await page.getByTestId('import-x').inputValue()),
    y: Number(await page.getByTestId('import-y').inputValue()),
  };
}

/** Whether the whole image is on screen: inside the window, below the top bar, clear of the panel. */
async function wholeImageVisible(page: Page) {
  const corner = await placedCorner(page);
  const topLeft = await pixelPoint(page, corner.x, corner.y);
  const bottomRight = await pixelPoint(page, corner.x + W - 1, corner.y + H - 1);
  const panel = (await page.getByTestId('import').boundingBox())!;
  const bar = (await page.getByTestId('top-bar').boundingBox())!;
  const window = page.viewportSize()!;
  const clear = (a: { x: number; y: number }) =>
    a.x >= 0 &&
    a.x <= window.width &&
    a.y >= bar.y + bar.height &&
    a.y <= window.height &&
    !(
      a.x >= panel.x &&
      a.x <= panel.x + panel.width &&
      a.y >= panel.y &&
      a.y <= panel.y + panel.height
    );
  return clear(topLeft) && clear(bottomRight);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('an imported image is fully visible after placing, and after "Centre in view"', async ({
    page,
  }) => {
    await openBoard(page, '?x=500&y=500&zoom=8');
    await page.getByTestId('open-import').tap();
    await screen(page, 'import-empty-phone');
    await page
      .getByTestId('import-file')
      .setInputFiles(await writeTemp('bands.png', await bandedPng()));
    await expect(page.getByTestId('import-price')).toContainText(
      `${(W * H).toLocaleString('en')} px`,
    );
    await expect(page.getByTestId('import-price')).toContainText('sats');
    await expect.poll(() => wholeImageVisible(page)).toBe(true);
    await screen(page, 'import-placed-phone');

    // Move the board away with a finger above the panel, then ask for it back.
    await touchGesture(page, [[200, 200]], [[40, 120]]);
    await expect.poll(() => wholeImageVisible(page)).toBe(false);
    // (A click: after a CDP drag, Chromium's gesture detector may not turn the next tap into one.)
    await page.getByRole('button', { name: 'Centre in view' }).click();
    await expect.poll(() => wholeImageVisible(page)).toBe(true);
    await screen(page, 'import-recentred-phone');

    // A bad file after a good one: the old image is no longer armed.
    const corner = await placedCorner(page);
    await page
      .getByTestId('import-file')
      .setInputFiles(await writeTemp('notes.png', 'not an image'));
    await expect(page.getByTestId('import').getByRole('alert')).toContainText('not an image');
    await expect(page.getByTestId('import-add')).toHaveCount(0);
    expect((await canvasPixel(page, 'draft', corner.x + 1, corner.y + 1))[3]).toBe(0);
    await screen(page, 'import-bad-file-phone');
  });
});

test('an image dropped on the board opens the import with it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, '?x=300&y=300&zoom=4');
  const png = (await bandedPng()).toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
    const stage = document.querySelector('[data-testid="stage"]')!;
    stage.dispatchEvent(
      new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
    stage.dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
  }, png);
  await expect(page.getByTestId('import')).toBeVisible();
  await expect(page.getByTestId('import-price')).toContainText(
    `${(W * H).toLocaleString('en')} px`,
  );
  await expect.poll(() => wholeImageVisible(page)).toBe(true);
  await screen(page, 'import-dropped-desktop');
});
