/** Zoom a shared spot opens at, at least: close enough to see the pixel itself. */
const SHARE_MIN_ZOOM = 8;

/**
 * The address of a board pixel, as the page's own view query (`?x=&y=&zoom=`) centred on it:
 * opening it shows that spot, and chat apps preview it (the page's og:image takes the query).
 */
export function spotLink(origin: string, pixel: { x: number; y: number }, zoom: number): string {
  const params = new URLSearchParams({
    x: String(pixel.x),
    y: String(pixel.y),
    zoom: String(Math.max(SHARE_MIN_ZOOM, Math.round(zoom))),
  });
  return `${origin}/?${params}`;
}
