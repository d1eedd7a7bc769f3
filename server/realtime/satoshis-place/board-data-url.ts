import type { BoardPngCache } from '../../canvas/board-png-cache';

/**
 * The current board as a `data:image/png;base64,...` URL, encoded at most once per seq (the
 * PNG itself comes from the shared per-seq cache).
 */
export class BoardDataUrl {
  private latest: { seq: number; url: string } | null = null;

  constructor(private readonly pngCache: BoardPngCache) {}

  async get(): Promise<string> {
    const { seq, png } = await this.pngCache.get();
    if (this.latest?.seq !== seq) {
      this.latest = { seq, url: `data:image/png;base64,${png.toString('base64')}` };
    }
    return this.latest.url;
  }
}
