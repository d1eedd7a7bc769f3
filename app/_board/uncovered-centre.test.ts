import { describe, expect, it } from 'vitest';
import { uncoveredCentre } from './uncovered-centre';

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 720 };

describe('uncoveredCentre', () => {
  it.each([
    ['nothing covers the screen', DESKTOP, null, { x: 640, y: 360 }],
    [
      'a panel on the right leaves the centre visible',
      DESKTOP,
      { x: 876, y: 60, width: 340, height: 500 },
      { x: 640, y: 360 },
    ],
    [
      'a sheet over the lower part of a phone: the middle of what is above it',
      PHONE,
      { x: 6, y: 320, width: 363, height: 414 },
      { x: 187.5, y: 160 },
    ],
    [
      'a wide panel over the centre, more room left of it',
      DESKTOP,
      { x: 500, y: 0, width: 400, height: 720 },
      { x: 250, y: 360 },
    ],
    [
      'a cover larger than the screen is clipped to it',
      PHONE,
      { x: -50, y: 200, width: 500, height: 900 },
      { x: 187.5, y: 100 },
    ],
  ])('%s', (_name, screen, cover, point) => {
    expect(uncoveredCentre(screen, cover)).toEqual(point);
  });
});
