/** One paid order in the live feed (`GET /api/feed`, socket `feed`). */
export interface FeedEntry {
  seq: number;
  orderId: string;
  pixelCount: number;
  name?: string;
  message?: string;
  /** ISO-8601 time it was painted. */
  at: string;
  /** The smallest rectangle holding its pixels, to show where it was painted. */
  area?: { x: number; y: number; width: number; height: number };
}
