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
