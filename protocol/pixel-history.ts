import type { ChangeKind } from './changes';

/** `GET /api/pixels/:x/:y`: a pixel's colour and its history, newest first. */
export interface PixelHistory {
  x: number;
  y: number;
  color: number;
  history: PixelHistoryEntry[];
}

export interface PixelHistoryEntry {
  seq: number;
  kind: ChangeKind;
  color: number;
  at: string;
  orderId?: string;
  /** What the order that painted it paid, in sats, and how many pixels it painted. */
  amountSat?: number;
  orderPixels?: number;
  name?: string;
  message?: string;
}
