import type { WireChange } from '../../protocol/changes';

/** The board drawn on a canvas: loaded from canvas.png, then patched pixel by pixel. */
export class BoardImage {
  private constructor(
    private readonly context: CanvasRenderingContext2D,
    private readonly palette: Array<[number, number, number]>,
    public seq: number,
  ) {}

  static async load(canvas: HTMLCanvasElement): Promise<BoardImage> {
    const [settingsResponse, pngResponse] = await Promise.all([
      fetch('/api/settings'),
      fetch('/api/canvas.png'),
    ]);
    const settings = (await settingsResponse.json()) as { palette: string[] };
    const seq = Number(pngResponse.headers.get('X-Canvas-Seq'));
    const bitmap = await createImageBitmap(await pngResponse.blob());
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.imageSmoothingEnabled = false;
    context.drawImage(bitmap, 0, 0);
    const palette = settings.palette.map(
      (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number],
    );
    return new BoardImage(context, palette, seq);
  }

  /** Applies a change once, in seq order; older ones (already in the PNG) are skipped. */
  apply(change: WireChange): void {
    if (change.seq <= this.seq) return;
    for (const [x, y, color] of change.pixels) {
      const [r, g, b] = this.palette[color];
      this.context.fillStyle = `rgb(${r},${g},${b})`;
      this.context.fillRect(x, y, 1, 1);
    }
    this.seq = change.seq;
  }
}
