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
  name?: string;
  message?: string;
}
