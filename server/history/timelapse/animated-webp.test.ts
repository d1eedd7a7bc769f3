import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { assembleAnimatedWebp } from './animated-webp';

const still = (width: number, height: number, rgba: number[]) =>
  sharp(Buffer.from(Array.from({ length: width * height }, () => rgba).flat()), {
    raw: { width, height, channels: 4 },
  })
    .webp({ lossless: true })
    .toBuffer();

describe('animated WebP assembly', () => {
  it('plays frames that cover only what changed, blended over the frames before', async () => {
    const webp = assembleAnimatedWebp({ width: 4, height: 4 }, [
      {
        x: 0,
        y: 0,
        width: 4,
        height: 4,
        durationMs: 100,
        webp: await still(4, 4, [255, 255, 255, 255]),
      },
      {
        x: 2,
        y: 2,
        width: 2,
        height: 1,
        durationMs: 100,
        webp: await still(2, 1, [255, 0, 0, 255]),
      },
      { x: 0, y: 0, width: 2, height: 2, durationMs: 500, webp: await still(2, 2, [0, 0, 0, 0]) },
    ]);
    const meta = await sharp(webp, { animated: true }).metadata();
    expect(meta).toMatchObject({ width: 4, pageHeight: 4, pages: 3, delay: [100, 100, 500] });
    const last = await sharp(webp, { page: 2 }).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [
      ...last.data.subarray((y * 4 + x) * last.info.channels).subarray(0, 3),
    ];
    expect(at(2, 2)).toEqual([255, 0, 0]);
    expect(at(3, 2)).toEqual([255, 0, 0]);
    expect(at(0, 0)).toEqual([255, 255, 255]); // a transparent frame leaves what was there
    expect(at(3, 3)).toEqual([255, 255, 255]);
  });

  it('refuses odd frame offsets', async () => {
    const frame = {
      x: 1,
      y: 0,
      width: 1,
      height: 1,
      durationMs: 1,
      webp: await still(1, 1, [0, 0, 0, 255]),
    };
    expect(() => assembleAnimatedWebp({ width: 2, height: 2 }, [frame])).toThrow('even');
  });
});
