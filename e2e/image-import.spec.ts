import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { canvasPixel, hexRgb, openBoard, paidOrder, snap } from './support/board-page';

// A 4 x 3 image: palette colours, near-palette colours, and one transparent pixel.
const W = 4;
const H = 3;
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

test('an imported image becomes a draft in palette colours; pixels already right are free', async ({
  page,
  request,
}, testInfo) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-import-'));
  const file = path.join(dir, 'tiny.png');
  await writeFile(
    file,
    await sharp(Buffer.from(IMAGE.flat()), { raw: { width: W, height: H, channels: 4 } })
      .png()
      .toBuffer(),
  );
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
