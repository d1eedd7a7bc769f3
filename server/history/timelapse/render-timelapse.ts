import sharp from 'sharp';
import type { Queryable } from '../../../db/pool';
import { hexToRgb } from '../../../protocol/palette-quantize';
import { loadBoard, replayChanges } from '../load-board';
import { assembleAnimatedWebp, type AnimationFrame } from './animated-webp';
import type { TimelapsePlan } from './timelapse-plan';

export const FRAME_MS = 80;
export const LAST_FRAME_MS = 2000;
const ENCODES_IN_FLIGHT = 4;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Renders a timelapse as an animated WebP: replays the log from the board at the first frame's
 * seq, scales nearest-neighbour, and encodes (lossless) only the rectangle each frame changed,
 * transparent where it did not. Memory stays at a board or two whatever the number of frames.
 */
export async function renderTimelapse(
  db: Queryable,
  plan: TimelapsePlan,
  palette: readonly string[],
): Promise<Buffer> {
  const { width, height, outWidth, outHeight, scale, frameSeqs } = plan;
  const srcX = Int32Array.from({ length: outWidth }, (_, x) =>
    Math.min(width - 1, Math.floor(x / scale)),
  );
  const srcY = Int32Array.from({ length: outHeight }, (_, y) =>
    Math.min(height - 1, Math.floor(y / scale)),
  );
  const rgb = palette.map(hexToRgb);
  const board = await loadBoard(db, width, height, frameSeqs[0]);
  const out = new Uint8Array(outWidth * outHeight);
  /** Output pixels changed since the last frame emitted. */
  const touched = new Uint8Array(outWidth * outHeight);
  const frames: Array<Promise<AnimationFrame>> = [];
  const durations: number[] = [];

  const render = (dirty: Rect): Rect | null => {
    const changed = emptyRect();
    for (let oy = dirty.y0; oy <= dirty.y1; oy++) {
      const row = srcY[oy] * width;
      for (let ox = dirty.x0, i = oy * outWidth + ox; ox <= dirty.x1; ox++, i++) {
        const color = board.pixels[row + srcX[ox]];
        if (color === out[i] && frames.length > 0) continue;
        out[i] = color;
        touched[i] = 1;
        if (ox < changed.x0) changed.x0 = ox;
        if (ox > changed.x1) changed.x1 = ox;
        if (oy < changed.y0) changed.y0 = oy;
        if (oy > changed.y1) changed.y1 = oy;
      }
    }
    return changed.x1 < 0 ? null : changed;
  };

  const emit = async (rect: Rect) => {
    // WebP frame offsets are even.
    const x0 = rect.x0 - (rect.x0 % 2);
    const y0 = rect.y0 - (rect.y0 % 2);
    const w = rect.x1 - x0 + 1;
    const h = rect.y1 - y0 + 1;
    const pixels = Buffer.alloc(w * h * 4); // transparent unless touched
    for (let y = 0, p = 0; y < h; y++) {
      for (let x = 0, i = (y0 + y) * outWidth + x0; x < w; x++, i++, p += 4) {
        if (touched[i] === 0) continue;
        touched[i] = 0;
        const c = rgb[out[i]];
        pixels[p] = c[0];
        pixels[p + 1] = c[1];
        pixels[p + 2] = c[2];
        pixels[p + 3] = 255;
      }
    }
    if (frames.length >= ENCODES_IN_FLIGHT) await frames[frames.length - ENCODES_IN_FLIGHT];
    const encoding = sharp(pixels, { raw: { width: w, height: h, channels: 4 } })
      .webp({ lossless: true, effort: 1 })
      .toBuffer()
      .then((webp) => ({ x: x0, y: y0, width: w, height: h, durationMs: 0, webp }));
    encoding.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    frames.push(encoding);
    durations.push(FRAME_MS);
  };

  await emit(render({ x0: 0, y0: 0, x1: outWidth - 1, y1: outHeight - 1 })!);
  let next = 1;
  let dirty = emptyRect();
  // One pass over the log: a frame whenever the board reaches the next frame's seq.
  await replayChanges(db, board, frameSeqs[frameSeqs.length - 1], async ({ seq, pixels }) => {
    for (let i = 0; i < pixels.xs.length; i++) {
      if (pixels.xs[i] < dirty.x0) dirty.x0 = pixels.xs[i];
      if (pixels.xs[i] > dirty.x1) dirty.x1 = pixels.xs[i];
      if (pixels.ys[i] < dirty.y0) dirty.y0 = pixels.ys[i];
      if (pixels.ys[i] > dirty.y1) dirty.y1 = pixels.ys[i];
    }
    if (seq !== frameSeqs[next]) return;
    next++;
    const changed =
      dirty.x1 < 0
        ? null
        : render({
            x0: Math.floor(dirty.x0 * scale),
            y0: Math.floor(dirty.y0 * scale),
            x1: Math.min(outWidth - 1, Math.ceil((dirty.x1 + 1) * scale) - 1),
            y1: Math.min(outHeight - 1, Math.ceil((dirty.y1 + 1) * scale) - 1),
          });
    dirty = emptyRect();
    if (changed) await emit(changed);
    else durations[durations.length - 1] += FRAME_MS; // nothing new: hold the last frame
  });
  durations[durations.length - 1] = LAST_FRAME_MS;
  const encoded = await Promise.all(frames);
  encoded.forEach((frame, i) => (frame.durationMs = durations[i]));
  return assembleAnimatedWebp({ width: outWidth, height: outHeight }, encoded);
}

function emptyRect(): Rect {
  return { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
}
