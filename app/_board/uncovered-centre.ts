import type { Point, Size } from './viewport';

/** A rectangle on the screen, in the stage's coordinates. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The largest part of the screen `cover` leaves visible (above, below, left or right of it),
 * or the whole screen when it covers nothing.
 */
export function uncoveredArea(screen: Size, cover: ScreenRect | null): ScreenRect {
  const whole = { x: 0, y: 0, width: screen.width, height: screen.height };
  if (!cover) return whole;
  const left = Math.max(0, cover.x);
  const top = Math.max(0, cover.y);
  const right = Math.min(screen.width, cover.x + cover.width);
  const bottom = Math.min(screen.height, cover.y + cover.height);
  if (right <= left || bottom <= top) return whole;
  const parts: ScreenRect[] = [
    { x: 0, y: 0, width: screen.width, height: top },
    { x: 0, y: bottom, width: screen.width, height: screen.height - bottom },
    { x: 0, y: 0, width: left, height: screen.height },
    { x: right, y: 0, width: screen.width - right, height: screen.height },
  ];
  return parts.reduce((best, part) =>
    part.width * part.height > best.width * best.height ? part : best,
  );
}

/**
 * The point to put something the visitor should see: the screen's centre, unless `cover` (a
 * panel floating over the board) hides it; then the centre of the largest part of the screen
 * left visible above, below, left or right of `cover`.
 */
export function uncoveredCentre(screen: Size, cover: ScreenRect | null): Point {
  const centre = { x: screen.width / 2, y: screen.height / 2 };
  if (!cover) return centre;
  const left = Math.max(0, cover.x);
  const top = Math.max(0, cover.y);
  const right = Math.min(screen.width, cover.x + cover.width);
  const bottom = Math.min(screen.height, cover.y + cover.height);
  const hidden = centre.x >= left && centre.x < right && centre.y >= top && centre.y < bottom;
  if (!hidden) return centre;
  const parts: ScreenRect[] = [
    { x: 0, y: 0, width: screen.width, height: top },
    { x: 0, y: bottom, width: screen.width, height: screen.height - bottom },
    { x: 0, y: 0, width: left, height: screen.height },
    { x: right, y: 0, width: screen.width - right, height: screen.height },
  ];
  const largest = parts.reduce((best, part) =>
    part.width * part.height > best.width * best.height ? part : best,
  );
  return { x: largest.x + largest.width / 2, y: largest.y + largest.height / 2 };
}
