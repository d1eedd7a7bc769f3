import sharp from 'sharp';
import { DEFAULT_PALETTE } from '../../protocol/settings';
import { encodeIndexedPng } from '../../server/canvas/indexed-png';
import { quantile, round } from '../support/stats';

export interface PngResult {
  /** Re-render after one paid order (a 10x10 square) changed the board: the usual case. */
  png1000Ms: number;
  png2000Ms: number;
  /** Render with every row changed since the last (nothing reusable: a first render). */
  png1000AllChangedMs: number;
  png2000AllChangedMs: number;
  png1000Bytes: number;
  /** sharp's RGBA PNG of the same 1000x1000 board (default settings), the usual way. */
  sharpRgba1000Ms: number;
}

/**
 * A board that looks used: large flat areas, drawings in blocks of colour, and dithered
 * photo-like patches (the hardest part to compress), like satoshis.place after a few weeks.
 */
export function realisticBoard(side: number, seed = 7): Uint8Array {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const board = new Uint8Array(side * side);
  for (let block = 0; block < side / 4; block++) {
    const x0 = Math.floor(random() * side);
    const y0 = Math.floor(random() * side);
    const w = 5 + Math.floor(random() * side * 0.08);
    const h = 5 + Math.floor(random() * side * 0.08);
    const color = Math.floor(random() * 16);
    const dithered = random() < 0.3;
    for (let y = y0; y < Math.min(side, y0 + h); y++) {
      for (let x = x0; x < Math.min(side, x0 + w); x++) {
        board[y * side + x] = dithered ? Math.floor(random() * 16) : color;
      }
    }
  }
  return board;
}

/** Median of `runs` timings of `work`; `prepare` runs before each, untimed. */
async function timeMs(
  runs: number,
  work: () => Promise<unknown>,
  prepare: () => void = () => undefined,
): Promise<number> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return round(quantile(times, 0.5), 2);
}

/** Paints a 10x10 square somewhere new on each call, as one paid order would. */
function paintOrder(board: Uint8Array, side: number): void {
  const x0 = Math.floor(Math.random() * (side - 10));
  const y0 = Math.floor(Math.random() * (side - 10));
  for (let y = y0; y < y0 + 10; y++)
    board.fill((board[y * side + x0] + 1) % 16, y * side + x0, y * side + x0 + 10);
}

/** Every pixel moves to the next colour: no row is the same as in the last render. */
function repaintAll(board: Uint8Array): void {
  for (let i = 0; i < board.length; i++) board[i] = (board[i] + 1) % 16;
}

/** Median time to render the whole board to PNG, 1000x1000 and 2000x2000. */
export async function measurePngRender(runs: number): Promise<PngResult> {
  const board1000 = realisticBoard(1000);
  const board2000 = realisticBoard(2000);
  const allChanged1000 = await timeMs(
    runs,
    () => encodeIndexedPng(board1000, 1000, 1000, DEFAULT_PALETTE),
    () => repaintAll(board1000),
  );
  const allChanged2000 = await timeMs(
    runs,
    () => encodeIndexedPng(board2000, 2000, 2000, DEFAULT_PALETTE),
    () => repaintAll(board2000),
  );
  const png1000 = await encodeIndexedPng(board1000, 1000, 1000, DEFAULT_PALETTE);
  const rgba = Buffer.alloc(1000 * 1000 * 4);
  const rgb = DEFAULT_PALETTE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  board1000.forEach((color, i) => {
    rgba.set(rgb[color], i * 4);
    rgba[i * 4 + 3] = 255;
  });
  return {
    png1000Ms: await timeMs(
      runs,
      () => encodeIndexedPng(board1000, 1000, 1000, DEFAULT_PALETTE),
      () => paintOrder(board1000, 1000),
    ),
    png2000Ms: await timeMs(
      runs,
      () => encodeIndexedPng(board2000, 2000, 2000, DEFAULT_PALETTE),
      () => paintOrder(board2000, 2000),
    ),
    png1000AllChangedMs: allChanged1000,
    png2000AllChangedMs: allChanged2000,
    png1000Bytes: png1000.length,
    sharpRgba1000Ms: await timeMs(Math.min(runs, 5), () =>
      sharp(rgba, { raw: { width: 1000, height: 1000, channels: 4 } })
        .png()
        .toBuffer(),
    ),
  };
}
