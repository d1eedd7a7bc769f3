import type { PixelBatch } from './pixel-batch';

/** One pixel on the wire: `[x, y, colorIndex]`. */
export type WirePixel = [number, number, number];

export type ChangeKind = 'paint' | 'revert' | 'undo';

/** One applied change, as broadcast and as listed by `GET /api/changes`. */
export interface WireChange {
  seq: number;
  kind: ChangeKind;
  /** ISO-8601 time the change was written. */
  at?: string;
  pixels: WirePixel[];
}

/** `GET /api/changes` and the `changes:since` acknowledgement. */
export type ChangesSinceResult =
  | { seq: number; changes: WireChange[]; reload?: undefined }
  | { seq: number; reload: true; changes?: undefined };

/** One committed change to the board: what the change log writes and every step after it reads. */
export interface Change {
  seq: number;
  kind: ChangeKind;
  at: Date;
  orderId: string | null;
  /** Name and message the buyer gave, for paints of orders that have them. */
  byline?: Byline;
  pixels: PixelBatch;
}

/** What a buyer chose to sign a paint with; absent parts were left empty. */
export interface Byline {
  name?: string;
  message?: string;
}

export function bylineOf(name: string | null, message: string | null): Byline | undefined {
  if (!name && !message) return undefined;
  return { ...(name ? { name } : {}), ...(message ? { message } : {}) };
}
