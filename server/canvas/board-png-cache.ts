import type { Board } from './board';
import { encodeIndexedPng } from './indexed-png';

export interface BoardPng {
  seq: number;
  png: Buffer;
  etag: string;
}

/**
 * The current board as PNG, rendered at most once per seq. Requests that arrive while a
 * render is running share it; a request after the board moved on starts a new one.
 */
export class BoardPngCache {
  private latest: Promise<BoardPng> | null = null;
  private latestSeq = -1;

  constructor(
    private readonly board: Board,
    private readonly palette: readonly string[],
  ) {}

  get(): Promise<BoardPng> {
    const seq = this.board.seq;
    if (this.latest === null || this.latestSeq !== seq) {
      this.latestSeq = seq;
      this.latest = encodeIndexedPng(
        this.board.pixels,
        this.board.width,
        this.board.height,
        this.palette,
      ).then((png) => ({ seq, png, etag: etagFor(seq) }));
      this.latest.catch(() => {
        this.latest = null;
      });
    }
    return this.latest;
  }
}

/** The board's content is fully determined by its seq (on one board), so the seq is the tag. */
export function etagFor(seq: number): string {
  return `"board-${seq}"`;
}
