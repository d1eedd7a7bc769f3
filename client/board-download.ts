import sharp from 'sharp';
import { hexToRgb } from '../protocol/palette-quantize';
import { requestBytes } from './http-api';

/** The board as palette indices, row by row, and the seq it shows. */
export interface BoardIndices {
  width: number;
  height: number;
  seq: number;
  /** One palette index per pixel, `y * width + x`. */
  pixels: Uint8Array;
}

/** Downloads the board PNG (`seq` for a past board) with the seq it shows (`X-Canvas-Seq`). */
export async function downloadBoardPng(
  baseUrl: string,
  seq?: number,
): Promise<{ png: Buffer; seq: number }> {
  const query = seq === undefined ? '' : `?seq=${seq}`;
  const { bytes, headers } = await requestBytes(baseUrl, `/api/canvas.png${query}`);
  return { png: bytes, seq: Number(headers.get('x-canvas-seq') ?? seq ?? 0) };
}

/**
 * Decodes a board PNG into palette indices with sharp. Throws if a pixel's colour is not in
 * the palette (the PNG is not a board of this palette).
 */
export async function decodeBoardPng(
  png: Buffer,
  palette: readonly string[],
  seq = 0,
): Promise<BoardIndices> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const indexByRgb = new Map<number, number>();
  palette.forEach((hex, index) => {
    const [r, g, b] = hexToRgb(hex);
    indexByRgb.set((r << 16) | (g << 8) | b, index);
  });
  const pixels = new Uint8Array(info.width * info.height);
  for (let i = 0; i < pixels.length; i++) {
    const o = i * 3;
    const index = indexByRgb.get((data[o] << 16) | (data[o + 1] << 8) | data[o + 2]);
    if (index === undefined) throw new Error(`pixel ${i} of the board PNG is not a palette colour`);
    pixels[i] = index;
  }
  return { width: info.width, height: info.height, seq, pixels };
}
