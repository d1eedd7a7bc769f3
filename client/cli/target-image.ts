import sharp from 'sharp';
import { hexToRgb, quantizeToPalette } from '../../protocol/palette-quantize';

/** The image to draw in palette indices: -1 where transparent (not bought). */
export interface TargetImage {
  width: number;
  height: number;
  indices: Int16Array;
}

/**
 * Loads an image with sharp (PNG, JPEG, WebP, GIF: first frame), scales it to `width` pixels
 * wide if given (keeping the aspect ratio), and converts it to the palette.
 */
export async function loadTargetImage(
  file: string,
  palette: readonly string[],
  options: { width?: number; dither: boolean },
): Promise<TargetImage> {
  let pipeline = sharp(file, { pages: 1 }).ensureAlpha();
  if (options.width !== undefined) pipeline = pipeline.resize({ width: options.width });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const image = { width: info.width, height: info.height, data: new Uint8Array(data) };
  return {
    width: info.width,
    height: info.height,
    indices: quantizeToPalette(image, palette, { dither: options.dither }),
  };
}

/** Renders the target in palette colours (transparent stays transparent) as a preview PNG. */
export async function writePreviewPng(
  target: TargetImage,
  palette: readonly string[],
  file: string,
): Promise<void> {
  const rgba = Buffer.alloc(target.width * target.height * 4);
  const colors = palette.map(hexToRgb);
  target.indices.forEach((index, i) => {
    if (index < 0) return;
    rgba.set([...colors[index], 255], i * 4);
  });
  await sharp(rgba, { raw: { width: target.width, height: target.height, channels: 4 } })
    .png()
    .toFile(file);
}
