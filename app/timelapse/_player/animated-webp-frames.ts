/** One frame of an animated WebP, as a still WebP file to decode and draw at (x, y). */
export interface WebpFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  durationMs: number;
  /** A complete still WebP file (RIFF) of this frame alone. */
  still: Uint8Array<ArrayBuffer>;
}

const IMAGE_CHUNKS = new Set(['ALPH', 'VP8 ', 'VP8L']);

/**
 * Splits an animated WebP (RIFF: VP8X, ANIM, ANMF...) into its frames, each rewrapped as a
 * still WebP any browser decodes. A player draws them itself, blended in order, so it can
 * seek, pause and change speed, which an <img> cannot.
 */
export function animatedWebpFrames(bytes: Uint8Array): {
  width: number;
  height: number;
  frames: WebpFrame[];
} {
  if (text(bytes, 0, 4) !== 'RIFF' || text(bytes, 8, 12) !== 'WEBP') {
    throw new Error('not a WebP file');
  }
  let width = 0;
  let height = 0;
  const frames: WebpFrame[] = [];
  for (const { type, start, size } of chunks(bytes, 12, bytes.length)) {
    if (type === 'VP8X') {
      width = uint24(bytes, start + 4) + 1;
      height = uint24(bytes, start + 7) + 1;
    } else if (type === 'ANMF') {
      const frame = {
        x: uint24(bytes, start) * 2,
        y: uint24(bytes, start + 3) * 2,
        width: uint24(bytes, start + 6) + 1,
        height: uint24(bytes, start + 9) + 1,
        durationMs: uint24(bytes, start + 12),
      };
      const image = chunks(bytes, start + 16, start + size).filter((c) => IMAGE_CHUNKS.has(c.type));
      frames.push({ ...frame, still: stillWebp(bytes, image, frame.width, frame.height) });
    }
  }
  return { width, height, frames };
}

interface Chunk {
  type: string;
  /** Offset of the chunk's data (after its 8-byte header). */
  start: number;
  size: number;
}

function chunks(bytes: Uint8Array, from: number, to: number): Chunk[] {
  const list: Chunk[] = [];
  for (let offset = from; offset + 8 <= to;) {
    const size = uint32(bytes, offset + 4);
    list.push({ type: text(bytes, offset, offset + 4), start: offset + 8, size });
    offset += 8 + size + (size % 2);
  }
  return list;
}

/** RIFF around the frame's image chunks; an alpha chunk (lossy frames) needs a VP8X first. */
function stillWebp(
  bytes: Uint8Array,
  image: Chunk[],
  width: number,
  height: number,
): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  if (image.some((c) => c.type === 'ALPH')) {
    const vp8x = new Uint8Array(18);
    vp8x.set(ascii('VP8X'), 0);
    vp8x[4] = 10;
    vp8x[8] = 0x10; // alpha
    setUint24(vp8x, 12, width - 1);
    setUint24(vp8x, 15, height - 1);
    parts.push(vp8x);
  }
  for (const c of image) parts.push(bytes.subarray(c.start - 8, c.start + c.size + (c.size % 2)));
  const bodyLength = parts.reduce((sum, part) => sum + part.length, 0);
  const still = new Uint8Array(12 + bodyLength);
  still.set(ascii('RIFF'), 0);
  new DataView(still.buffer).setUint32(4, 4 + bodyLength, true);
  still.set(ascii('WEBP'), 8);
  let offset = 12;
  for (const part of parts) {
    still.set(part, offset);
    offset += part.length;
  }
  return still;
}

function text(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
function ascii(value: string): Uint8Array {
  return Uint8Array.from(value, (ch) => ch.charCodeAt(0));
}
function uint24(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
}
function uint32(bytes: Uint8Array, at: number): number {
  return (uint24(bytes, at) | (bytes[at + 3] << 24)) >>> 0;
}
function setUint24(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 255;
  bytes[at + 1] = (value >> 8) & 255;
  bytes[at + 2] = (value >> 16) & 255;
}
