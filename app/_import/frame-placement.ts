import type { ScreenRect } from '../_board/uncovered-centre';
import { screenToBoard, type Point, type Size, type View } from '../_board/viewport';

/** Share of the free area an image may fill when the view has to zoom out for it. */
const FILL = 0.85;

/**
 * Where to put an image of `size` board pixels so that all of it shows inside `area` (the
 * part of the screen no panel or bar covers), and the view that shows it there: centred in
 * the area, zoomed out if it would not fit, kept on the board.
 */
export function framePlacement(
  view: View,
  screen: Size,
  board: Size,
  area: ScreenRect,
  size: Size,
): { corner: Point; view: View } {
  const fit = Math.min(area.width / size.width, area.height / size.height) * FILL;
  const zoom = Math.min(view.zoom, fit);
  const areaCentre = { x: area.x + area.width / 2, y: area.y + area.height / 2 };
  const target = screenToBoard(view, screen, areaCentre);
  const clamp = (value: number, max: number) => Math.min(Math.max(0, max), Math.max(0, value));
  const corner = {
    x: clamp(Math.round(target.x - size.width / 2), board.width - size.width),
    y: clamp(Math.round(target.y - size.height / 2), board.height - size.height),
  };
  const centre = { x: corner.x + size.width / 2, y: corner.y + size.height / 2 };
  return {
    corner,
    view: {
      x: centre.x - (areaCentre.x - screen.width / 2) / zoom,
      y: centre.y - (areaCentre.y - screen.height / 2) / zoom,
      zoom,
    },
  };
}
