import type { WirePixel } from '../../protocol/changes';
import { hexToRgb } from '../../protocol/palette-quantize';

/**
 * The board as pixels: palette indices plus an ImageData drawn onto one canvas. Live changes
 * write into the ImageData; `flush` copies only the touched rectangle, once per frame. Driven
 * from a ref, never from React state.
 */
export class BoardImage {
  readonly width: number;
  readonly height: number;
  /** Palette index of every pixel, row by row. */
  readonly indices: Uint8Array;
  private readonly context: CanvasRenderingContext2D;
  private readonly image: ImageData;
  private readonly rgba: Uint32Array;
  private readonly colors: Uint32Array;
  private dirty = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    width: number,
    height: number,
    palette: readonly string[],
  ) {
    this.width = width;
    this.height = height;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    this.context = context;
    this.image = context.createImageData(width, height);
    this.rgba = new Uint32Array(this.image.data.buffer);
    this.indices = new Uint8Array(width * height);
    this.colors = Uint32Array.from(palette, (hex) => packRgba(hexToRgb(hex)));
  }

  /** Replaces the whole board with a decoded canvas.png. */
  loadBitmap(bitmap: ImageBitmap): void {
    const scratch = document.createElement('canvas');
    scratch.width = this.width;
    scratch.height = this.height;
    const context = scratch.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(bitmap, 0, 0);
    const decoded = new Uint32Array(
      context.getImageData(0, 0, this.width, this.height).data.buffer,
    );
    const indexByColor = new Map<number, number>();
    this.colors.forEach((color, index) => indexByColor.set(color, index));
    let lastColor = -1;
    let lastIndex = 0;
    for (let i = 0; i < decoded.length; i++) {
      const color = decoded[i];
      if (color !== lastColor) {
        lastColor = color;
        lastIndex = indexByColor.get(color) ?? 0;
      }
      this.indices[i] = lastIndex;
      this.rgba[i] = this.colors[lastIndex];
    }
    this.markDirty(0, 0, this.width - 1, this.height - 1);
    this.flush();
  }

  /** Paints wire pixels; they show at the next `flush`. */
  paint(pixels: WirePixel[]): void {
    const { width, dirty } = this;
    for (let i = 0; i < pixels.length; i++) {
      const [x, y, color] = pixels[i];
      const at = y * width + x;
      this.indices[at] = color;
      this.rgba[at] = this.colors[color];
      if (x < dirty.x0) dirty.x0 = x;
      if (x > dirty.x1) dirty.x1 = x;
      if (y < dirty.y0) dirty.y0 = y;
      if (y > dirty.y1) dirty.y1 = y;
    }
  }

  /** Copies the pixels changed since the last flush onto the canvas. */
  flush(): boolean {
    const { x0, y0, x1, y1 } = this.dirty;
    if (x1 < x0) return false;
    this.context.putImageData(this.image, 0, 0, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    this.dirty = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
    return true;
  }

  colorAt(x: number, y: number): number {
    return this.indices[y * this.width + x];
  }

  get element(): HTMLCanvasElement {
    return this.canvas;
  }

  private markDirty(x0: number, y0: number, x1: number, y1: number): void {
    const dirty = this.dirty;
    dirty.x0 = Math.min(dirty.x0, x0);
    dirty.y0 = Math.min(dirty.y0, y0);
    dirty.x1 = Math.max(dirty.x1, x1);
    dirty.y1 = Math.max(dirty.y1, y1);
  }
}

/** `[r, g, b]` as one little-endian RGBA word, opaque. */
export function packRgba([r, g, b]: [number, number, number]): number {
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
