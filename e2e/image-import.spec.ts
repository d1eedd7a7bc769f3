import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import {
  canvasPixel,
  hexRgb,
  openBoard,
  paidOrder,
  pixelPoint,
  snap,
  touchGesture,
} from './support/board-page';

// A 4 x 3 image: palette colours, near-palette colours, and one transparent pixel.
const W = 4;
const IMAGE: Array<[number, number, number, number]> = [
  [255, 255, 255, 255],
  [0xd4, 0x36, 0x1e, 255],
  [0x3a, 0x1a, 0xd0, 255],
  [0, 0, 0, 0],
  [0x22, 0x22, 0x22, 255],
  [10, 10, 10, 255],
  [0x4a, 0xba, 0x38, 255],
  [0xe6, 0xd8, 0x4e, 255],
  [250, 60, 30, 255],
  [0x88, 0x88, 0x88, 255],
  [0x74, 0x26, 0x71, 255],
  [0x7f, 0xcb, 0xd0, 255],
];
// The palette colour each one becomes (null: transparent, not in the draft).
const EXPECTED = [
  '#ffffff',
  '#d4361e',
  '#3919d1',
  null,
  '#222222',
  '#222222',
  '#4aba38',
  '#e6d84e',
  '#d4361e',
  '#888888',
  '#742671',
  '#7fcbd0',
];
const AT = { x: 600, y: 600 };

/** Writes `image` as a PNG file for the file picker. */
async function pngFile(
  name: string,
  image: Array<[number, number, number, number]>,
  width: number,
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-import-'));
  const file = path.join(dir, name);
  const raw = { width, height: image.length / width, channels: 4 as const };
  await writeFile(file, await sharp(Buffer.from(image.flat()), { raw }).png().toBuffer());
  return file;
}

test('an imported image becomes a draft in palette colours; pixels already right are free', async ({
  page,
  request,
}, testInfo) => {
  const file = await pngFile('tiny.png', IMAGE, W);
  // Two of the target pixels already have the right colour on the board (white is the blank
  // board's colour, so the top-left pixel is right already too).
  await paidOrder(request, [
    { x: AT.x + 1, y: AT.y, color: 5 },
    { x: AT.x + 2, y: AT.y + 1, color: 10 },
  ]);

  await openBoard(page, `?x=${AT.x + 2}&y=${AT.y + 2}&zoom=24`);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-x').fill(String(AT.x));
  await page.getByTestId('import-y').fill(String(AT.y));
  await page.getByTestId('import-dither').uncheck();
  await expect(page.getByTestId('import')).toContainText('11 px');
  await snap(page, testInfo, 'import-preview');
  await page.getByTestId('import-add').click();

  await expect(page.getByTestId('draft-count')).toHaveText('11 px');
  for (let i = 0; i < EXPECTED.length; i++) {
    const rgba = await canvasPixel(page, 'draft', AT.x + (i % W), AT.y + Math.floor(i / W));
    if (EXPECTED[i] === null) expect(rgba[3]).toBe(0);
    else expect(rgba, `pixel ${i}`).toEqual(hexRgb(EXPECTED[i]!));
  }
  await expect(page.getByTestId('already-right')).toHaveText('3 already right, free');
  await expect(page.getByTestId('draft-price')).toHaveText('8 sats');
  await page.getByTestId('buy').click();
  await page.getByTestId('create-order').click();
  await expect(page.getByTestId('invoice')).toContainText('Pay 8 sats for 8 px');
  await snap(page, testInfo, 'import-checkout');
});

// A 6 x 4 image in two palette colours: red on the left half, blue on the right.
const DRAG_W = 6;
const DRAG_H = 4;
const RED = '#d4361e';
const BLUE = '#3919d1';
const dragColor = (px: number) => (px < DRAG_W / 2 ? RED : BLUE);
const DRAG_IMAGE = Array.from({ length: DRAG_W * DRAG_H }, (_, i) => {
  const [r, g, b] = hexRgb(dragColor(i % DRAG_W));
  return [r, g, b, 255] as [number, number, number, number];
});

/** Where the image being placed is, as its typed fields say. */
async function placedAt(page: Page) {
  return {
    x: Number(await page.getByTestId('import-x').inputValue()),
    y: Number(await page.getByTestId('import-y').inputValue()),
  };
}

/** The image is shown on the draft canvas with its corner at `at`, and not one pixel off. */
async function expectImageShownAt(page: Page, at: { x: number; y: number }) {
  for (let py = -1; py <= DRAG_H; py++) {
    for (let px = -1; px <= DRAG_W; px++) {
      const rgba = await canvasPixel(page, 'draft', at.x + px, at.y + py);
      const inside = px >= 0 && py >= 0 && px < DRAG_W && py < DRAG_H;
      if (inside) expect(rgba, `pixel ${px},${py}`).toEqual(hexRgb(dragColor(px)));
      else expect(rgba[3], `pixel ${px},${py} outside`).toBe(0);
    }
  }
}

/** Opens the import panel with the drag test's image. */
async function importDragImage(page: Page) {
  await page.getByTestId('open-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles(await pngFile('drag.png', DRAG_IMAGE, DRAG_W));
  await expect(page.getByTestId('import')).toContainText(`${DRAG_W * DRAG_H} px`);
  return placedAt(page);
}

test('the imported image is placed by dragging it on the board; the typed fields follow', async ({
  page,
}, testInfo) => {
  await openBoard(page, '?x=400&y=420&zoom=16');
  const start = await importDragImage(page);
  await expectImageShownAt(page, start);

  // Grab it by one of its pixels and drop that pixel 9 left and 5 down.
  const grab = await pixelPoint(page, start.x + 4, start.y + 2);
  const drop = await pixelPoint(page, start.x + 4 - 9, start.y + 2 + 5);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 6 });
  await page.mouse.up();
  const dropped = { x: start.x - 9, y: start.y + 5 };
  expect(await placedAt(page)).toEqual(dropped);
  await expectImageShownAt(page, dropped);
  await snap(page, testInfo, 'import-dragged');

  // Dragging off the image pans the board as before; the image stays where it was.
  const view = new URL(page.url()).searchParams.get('x');
  const off = await pixelPoint(page, dropped.x + 20, dropped.y - 12);
  await page.mouse.move(off.x, off.y);
  await page.mouse.down();
  await page.mouse.move(off.x - 120, off.y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).not.toBe(view);
  expect(await placedAt(page)).toEqual(dropped);

  // Typing still moves it, and the draft lands where it was put.
  await page.getByTestId('import-y').fill(String(dropped.y + 1));
  await expectImageShownAt(page, { x: dropped.x, y: dropped.y + 1 });
  await page.getByTestId('import-add').click();
  await expect(page.getByTestId('draft-count')).toHaveText(`${DRAG_W * DRAG_H} px`);
  await expectImageShownAt(page, { x: dropped.x, y: dropped.y + 1 });
});

test('on a touch screen, a finger drags the imported image into place', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await openBoard(page, '?x=200&y=220&zoom=16');
  const start = await importDragImage(page);
  // It starts where it can be seen: above the panel (a sheet over the lower part), not under it.
  const panelTop = (await page.getByTestId('import').boundingBox())!.y;
  const lowest = await pixelPoint(page, start.x + DRAG_W - 1, start.y + DRAG_H - 1);
  expect(lowest.y).toBeLessThan(panelTop);
  await snap(page, testInfo, 'phone-import-placed');

  const grab = await pixelPoint(page, start.x + 1, start.y + 1);
  const drop = await pixelPoint(page, start.x + 1 - 5, start.y + 1 + 5);
  await touchGesture(page, [[grab.x, grab.y]], [[drop.x, drop.y]]);
  const dropped = { x: start.x - 5, y: start.y + 5 };
  expect(await placedAt(page)).toEqual(dropped);
  await expectImageShownAt(page, dropped);
  await snap(page, testInfo, 'phone-import-dragged');
  await page.getByTestId('import-add').tap();
  await expect(page.getByTestId('draft-count')).toHaveText(`${DRAG_W * DRAG_H} px`);
  await expectImageShownAt(page, dropped);
  await context.close();
});
