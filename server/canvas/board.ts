import type { PixelBatch } from '../../protocol/pixel-batch';

/**
 * The board in memory: one palette index per pixel, row-major, and the seq of the last
 * change applied. Changes must arrive strictly in seq order.
 */
export class Board {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    pixels?: Uint8Array,
    public seq = 0,
  ) {
    if (pixels && pixels.length !== width * height) {
      throw new Error(`board buffer has ${pixels.length} pixels, expected ${width * height}`);
    }
    this.pixels = pixels ?? new Uint8Array(width * height);
  }

  colorAt(x: number, y: number): number {
    return this.pixels[y * this.width + x];
  }

  /** Applies change `seq`; throws when it is not the next one (a gap must be filled first). */
  apply(seq: number, batch: PixelBatch): void {
    if (seq !== this.seq + 1) throw new Error(`change ${seq} cannot follow ${this.seq}`);
    const { xs, ys, colors } = batch;
    const width = this.width;
    for (let i = 0; i < xs.length; i++) this.pixels[ys[i] * width + xs[i]] = colors[i];
    this.seq = seq;
  }

  /** Colours a batch would overwrite, in batch order. */
  colorsUnder(batch: PixelBatch): Uint8Array {
    const previous = new Uint8Array(batch.xs.length);
    for (let i = 0; i < previous.length; i++)
      previous[i] = this.pixels[batch.ys[i] * this.width + batch.xs[i]];
    return previous;
  }

  clone(): Board {
    return new Board(this.width, this.height, this.pixels.slice(), this.seq);
  }
}
