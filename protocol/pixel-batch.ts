import type { WirePixel } from './changes';

/** Pixels as parallel typed arrays: compact to keep, cheap to apply and to encode. */
export interface PixelBatch {
  xs: Uint16Array;
  ys: Uint16Array;
  colors: Uint8Array;
}

export function pixelBatchFrom(
  pixels: ReadonlyArray<{ x: number; y: number; color: number }>,
): PixelBatch {
  const batch = emptyPixelBatch(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    batch.xs[i] = pixels[i].x;
    batch.ys[i] = pixels[i].y;
    batch.colors[i] = pixels[i].color;
  }
  return batch;
}

export function emptyPixelBatch(length: number): PixelBatch {
  return {
    xs: new Uint16Array(length),
    ys: new Uint16Array(length),
    colors: new Uint8Array(length),
  };
}

export function toWirePixels(batch: PixelBatch): WirePixel[] {
  const wire = new Array<WirePixel>(batch.xs.length);
  for (let i = 0; i < wire.length; i++) wire[i] = [batch.xs[i], batch.ys[i], batch.colors[i]];
  return wire;
}

const PACKED_BYTES_PER_PIXEL = 5;

/** Packs pixels as 5 bytes each (x, y as uint16 big-endian; colour uint8) for storage. */
export function packPixels(batch: PixelBatch): Buffer {
  const packed = Buffer.allocUnsafe(batch.xs.length * PACKED_BYTES_PER_PIXEL);
  for (let i = 0, offset = 0; i < batch.xs.length; i++, offset += PACKED_BYTES_PER_PIXEL) {
    packed.writeUInt16BE(batch.xs[i], offset);
    packed.writeUInt16BE(batch.ys[i], offset + 2);
    packed[offset + 4] = batch.colors[i];
  }
  return packed;
}

export function unpackPixels(packed: Buffer): PixelBatch {
  if (packed.length % PACKED_BYTES_PER_PIXEL !== 0)
    throw new Error('packed pixels have a bad length');
  const batch = emptyPixelBatch(packed.length / PACKED_BYTES_PER_PIXEL);
  for (let i = 0, offset = 0; i < batch.xs.length; i++, offset += PACKED_BYTES_PER_PIXEL) {
    batch.xs[i] = packed.readUInt16BE(offset);
    batch.ys[i] = packed.readUInt16BE(offset + 2);
    batch.colors[i] = packed[offset + 4];
  }
  return batch;
}

export interface BoundingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boundingBoxOf(batch: PixelBatch): BoundingBox | null {
  if (batch.xs.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  for (let i = 0; i < batch.xs.length; i++) {
    if (batch.xs[i] < minX) minX = batch.xs[i];
    if (batch.xs[i] > maxX) maxX = batch.xs[i];
    if (batch.ys[i] < minY) minY = batch.ys[i];
    if (batch.ys[i] > maxY) maxY = batch.ys[i];
  }
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
