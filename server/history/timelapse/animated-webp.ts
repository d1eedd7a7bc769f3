/** One frame of an animation: a still WebP placed at (x, y) on the canvas for `durationMs`. */
export interface AnimationFrame {
  /** Even: WebP stores frame offsets halved. */
  x: number;
  y: number;
  width: number;
  height: number;
  durationMs: number;
  /** A complete still WebP file (RIFF) of `width` x `height`. */
  webp: Buffer;
}

const MAX_24_BIT = 0xffffff;
const FLAG_ANIMATION = 0x02;
const FLAG_ALPHA = 0x10;
const FRAME_ALPHA_BLEND = 0x00; // blend over the canvas, no disposal
const FRAME_CHUNKS = new Set(['ALPH', 'VP8 ', 'VP8L']);

/**
 * Assembles still WebP frames into one animated WebP (RIFF container: VP8X, ANIM, one ANMF
 * per frame, looping forever). Each frame is alpha-blended over the canvas as the previous
 * frames left it, so a frame covers only the rectangle that changed, transparent where
 * nothing did: encoding stays cheap however little changes between frames.
 */
export function assembleAnimatedWebp(
  canvas: { width: number; height: number },
  frames: AnimationFrame[],
): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = FLAG_ANIMATION | FLAG_ALPHA;
  vp8x.writeUIntLE(canvas.width - 1, 4, 3);
  vp8x.writeUIntLE(canvas.height - 1, 7, 3);
  const anim = Buffer.alloc(6); // background transparent black, loop count 0: forever
  const parts = [chunk('VP8X', vp8x), chunk('ANIM', anim)];
  for (const frame of frames) {
    if (frame.x % 2 !== 0 || frame.y % 2 !== 0) throw new Error('frame offsets must be even');
    const header = Buffer.alloc(16);
    header.writeUIntLE(frame.x / 2, 0, 3);
    header.writeUIntLE(frame.y / 2, 3, 3);
    header.writeUIntLE(frame.width - 1, 6, 3);
    header.writeUIntLE(frame.height - 1, 9, 3);
    header.writeUIntLE(Math.min(MAX_24_BIT, Math.round(frame.durationMs)), 12, 3);
    header[15] = FRAME_ALPHA_BLEND;
    parts.push(chunk('ANMF', Buffer.concat([header, ...frameChunks(frame.webp)])));
  }
  const body = Buffer.concat(parts);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + body.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, body]);
}

/** The image chunks (ALPH, VP8, VP8L, with their headers) of a still WebP file. */
function frameChunks(webp: Buffer): Buffer[] {
  if (webp.toString('latin1', 0, 4) !== 'RIFF' || webp.toString('latin1', 8, 12) !== 'WEBP') {
    throw new Error('not a WebP file');
  }
  const chunks: Buffer[] = [];
  for (let offset = 12; offset + 8 <= webp.length;) {
    const type = webp.toString('latin1', offset, offset + 4);
    const size = webp.readUInt32LE(offset + 4);
    const end = offset + 8 + size + (size % 2);
    if (FRAME_CHUNKS.has(type)) chunks.push(webp.subarray(offset, end));
    offset = end;
  }
  return chunks;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(8 + data.length + (data.length % 2));
  out.write(type, 0, 'latin1');
  out.writeUInt32LE(data.length, 4);
  data.copy(out, 8);
  return out;
}
