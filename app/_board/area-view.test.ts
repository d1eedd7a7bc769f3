import { describe, expect, it } from 'vitest';
import { areaView } from './area-view';
import { boardToScreen } from './viewport';

const screen = { width: 1440, height: 900 };
const insets = { top: 60, bottom: 140 };

describe('areaView', () => {
  it('centres a small area between the bars, zoomed in but not to the closest zoom', () => {
    const view = areaView({ x: 300, y: 310, width: 3, height: 1 }, screen, insets);
    expect(view.zoom).toBe(20);
    // The area's centre lands halfway between the top bar and the dock.
    const centre = boardToScreen(view, screen, { x: 301.5, y: 310.5 });
    expect(centre.x).toBeCloseTo(720);
    expect(centre.y).toBeCloseTo((60 + 900 - 140) / 2);
  });

  it('fits a large area into half the free screen', () => {
    const view = areaView({ x: 0, y: 0, width: 700, height: 100 }, screen, insets);
    expect(view.zoom).toBeCloseTo((1440 * 0.5) / 700);
    const left = boardToScreen(view, screen, { x: 0, y: 0 });
    const right = boardToScreen(view, screen, { x: 700, y: 100 });
    expect(right.x - left.x).toBeCloseTo(720);
  });
});
