import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
// The server's assembler makes the animations this parser reads.
import { assembleAnimatedWebp } from '../../../server/history/timelapse/animated-webp';
import { animatedWebpFrames } from './animated-webp-frames';

/** A still WebP of one colour with a transparent left half. */
async function still(
  width: number,
  height: number,
  rgb: [number, number, number],
  lossless: boolean,
) {
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = Math.floor(width / 2); x < width; x++) {
      pixels.set([...rgb, 255], (y * width + x) * 4);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .webp(lossless ? { lossless: true } : { quality: 100, alphaQuality: 100 })
    .toBuffer();
}

describe('animatedWebpFrames', () => {
  it('splits an animation into stills that decode to each frame, with offsets and durations', async () => {
    const animation = assembleAnimatedWebp({ width: 40, height: 30 }, [
      {
        x: 0,
        y: 0,
        width: 40,
        height: 30,
        durationMs: 80,
        webp: await still(40, 30, [255, 0, 0], true),
      },
      {
        x: 6,
        y: 4,
        width: 9,
        height: 5,
        durationMs: 240,
        webp: await still(9, 5, [0, 0, 255], true),
      },
      // A lossy frame carries its alpha in a chunk of its own.
      {
        x: 10,
        y: 2,
        width: 8,
        height: 8,
        durationMs: 2000,
        webp: await still(8, 8, [0, 255, 0], false),
      },
    ]);
    const { width, height, frames } = animatedWebpFrames(new Uint8Array(animation));
    expect({ width, height }).toEqual({ width: 40, height: 30 });
    expect(
      frames.map(({ x, y, width, height, durationMs }) => [x, y, width, height, durationMs]),
    ).toEqual([
      [0, 0, 40, 30, 80],
      [6, 4, 9, 5, 240],
      [10, 2, 8, 8, 2000],
    ]);
    const expected = [
      [255, 0, 0],
      [0, 0, 255],
      [0, 255, 0],
    ];
    for (const [i, frame] of frames.entries()) {
      const { data, info } = await sharp(frame.still)
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([frame.width, frame.height]);
      const right = (Math.floor(frame.height / 2) * frame.width + frame.width - 1) * 4;
      const [r, g, b, a] = data.subarray(right, right + 4);
      expect(a).toBe(255);
      expect([r, g, b].map((c, k) => Math.abs(c - expected[i][k]) < 8)).toEqual([true, true, true]);
      expect(data[3]).toBe(0); // the left half stays transparent
    }
  });

  it('refuses what is not a WebP', () => {
    expect(() => animatedWebpFrames(new TextEncoder().encode('GIF89a not a webp'))).toThrow(/WebP/);
  });
});
