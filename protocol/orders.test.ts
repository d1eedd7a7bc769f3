import { describe, expect, it } from 'vitest';
import { orderRequestSchema } from './orders';
import { DEFAULT_PALETTE } from './settings';

const schema = orderRequestSchema({
  width: 10,
  height: 8,
  palette: DEFAULT_PALETTE,
  maxPixelsPerOrder: 3,
});

describe('order request schema', () => {
  it('accepts palette indices and #rrggbb colours of the palette, giving indices', () => {
    const parsed = schema.parse({
      pixels: [
        { x: 0, y: 0, color: 3 },
        { x: 9, y: 7, color: '#D4361E' },
      ],
      name: '  satoshi ',
      message: 'hello',
    });
    expect(parsed.pixels).toEqual([
      { x: 0, y: 0, color: 3 },
      { x: 9, y: 7, color: 5 },
    ]);
    expect(parsed.name).toBe('satoshi');
  });

  it.each([
    ['no pixels', { pixels: [] }, 'at least one'],
    ['too many pixels', { pixels: [0, 1, 2, 3].map((x) => ({ x, y: 0, color: 0 })) }, 'at most 3'],
    ['x outside the board', { pixels: [{ x: 10, y: 0, color: 0 }] }, 'outside'],
    ['negative y', { pixels: [{ x: 0, y: -1, color: 0 }] }, ''],
    ['fractional x', { pixels: [{ x: 1.5, y: 0, color: 0 }] }, ''],
    ['string coordinate', { pixels: [{ x: '1', y: 0, color: 0 }] }, ''],
    ['index past the palette', { pixels: [{ x: 0, y: 0, color: 16 }] }, 'palette'],
    [
      'hex not in the palette',
      { pixels: [{ x: 0, y: 0, color: '#123456' }] },
      'not in the palette',
    ],
    ['malformed hex', { pixels: [{ x: 0, y: 0, color: 'red' }] }, '#rrggbb'],
    [
      'same coordinate twice',
      {
        pixels: [
          { x: 1, y: 1, color: 0 },
          { x: 1, y: 1, color: 2 },
        ],
      },
      'twice',
    ],
    ['pixels not an array', { pixels: 'lots' }, ''],
    ['a name too long', { pixels: [{ x: 0, y: 0, color: 0 }], name: 'n'.repeat(41) }, ''],
    [
      'control characters in the message',
      { pixels: [{ x: 0, y: 0, color: 0 }], message: 'a\u0007b' },
      'control',
    ],
    ['not an object', null, ''],
  ])('refuses %s', (_label, input, messagePart) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(messagePart);
  });
});
