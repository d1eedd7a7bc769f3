import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WirePixel } from '../../protocol/changes';

/** An order this drawing created, as remembered between runs. */
export interface RememberedOrder {
  id: string;
  paymentRequest: string;
  expiresAt: string;
  amountSat: number;
  status: 'pending' | 'paid' | 'expired';
  pixels: WirePixel[];
}

/** The resume file of one drawing (same image bytes, place, size, dithering and server). */
export interface DrawState {
  version: 1;
  key: string;
  orders: RememberedOrder[];
}

/** The resume file's path for a drawing: `.boltboard-draw-<hash>.json` in `dir`. */
export async function stateFileFor(
  imageFile: string,
  placement: { url: string; x: number; y: number; width?: number; dither: boolean },
  dir: string,
): Promise<{ file: string; key: string }> {
  const hash = createHash('sha256')
    .update(await readFile(imageFile))
    .update(JSON.stringify(placement))
    .digest('hex')
    .slice(0, 16);
  return { file: path.join(dir, `.boltboard-draw-${hash}.json`), key: hash };
}

/** Reads the resume file; a missing or foreign one gives an empty state. */
export async function loadDrawState(file: string, key: string): Promise<DrawState> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as DrawState;
    if (state.version === 1 && state.key === key && Array.isArray(state.orders)) return state;
  } catch {
    // no file yet, or unreadable: start afresh (the board diff still prevents paying twice)
  }
  return { version: 1, key, orders: [] };
}

/** Writes the resume file atomically (a kill mid-write leaves the previous version). */
export async function saveDrawState(file: string, state: DrawState): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, file);
}
