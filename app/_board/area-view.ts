import { MAX_ZOOM, type Insets, type Size, type View } from './viewport';

/** Share of the screen an area shown on its own may fill, so what is around it shows too. */
const AREA_SCREEN_SHARE = 0.5;
/** Closest zoom for a small area: a pixel or a word stays recognisable in its surroundings. */
const AREA_MAX_ZOOM = MAX_ZOOM / 2;

/**
 * The view that shows a board rectangle: centred between the floating bars (insets), zoomed
 * so it fills about half the screen, never closer than half the closest zoom.
 */
export function areaView(
  area: { x: number; y: number; width: number; height: number },
  screen: Size,
  insets: Insets,
): View {
  const height = Math.max(screen.height - insets.top - insets.bottom, screen.height / 2);
  const zoom = Math.min(
    AREA_MAX_ZOOM,
    (screen.width * AREA_SCREEN_SHARE) / area.width,
    (height * AREA_SCREEN_SHARE) / area.height,
  );
  const shift = (insets.top - insets.bottom) / 2 / zoom;
  return { x: area.x + area.width / 2, y: area.y + area.height / 2 - shift, zoom };
}
