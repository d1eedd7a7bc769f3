import { describe, expect, it } from 'vitest';
import { normaliseDisplayText } from './display-text';
import { orderRequestSchema } from './orders';
import { DEFAULT_PALETTE } from './settings';

const schema = orderRequestSchema({
  width: 4,
  height: 4,
  palette: DEFAULT_PALETTE,
  maxPixelsPerOrder: 4,
});
const pixels = [{ x: 0, y: 0, color: 0 }];

describe('names and messages are normalised before they are shown', () => {
  it.each([
    ['right-to-left override', 'alice\u202Egnp.exe', 'alicegnp.exe'],
    ['left-to-right embedding and pop', '\u202Abob\u202C', 'bob'],
    ['left-to-right and right-to-left overrides', '\u202Dx\u202Ey', 'xy'],
    ['isolates', '\u2066carol\u2069 \u2067paid\u2068', 'carol paid'],
    ['directional marks', '\u200Edave\u200F', 'dave'],
    ['Arabic letter mark', 'eve\u061C', 'eve'],
    ['zero-width space and joiners', 's\u200Ba\u200Ct\u200Do', 'sato'],
    ['word joiner and byte order mark', '\uFEFFsat\u2060oshi', 'satoshi'],
    ['decomposed accent, composed (NFC)', 'Jose\u0301', 'Jos\u00E9'],
    ['text that needs nothing', 'plain words, 1 ⚡', 'plain words, 1 ⚡'],
    ['Arabic and Hebrew letters themselves', 'سلام שלום', 'سلام שלום'],
  ])('%s', (_label, input, expected) => {
    expect(normaliseDisplayText(input)).toBe(expected);
    const order = schema.parse({ pixels, name: input, message: input });
    expect(order.name).toBe(expected);
    expect(order.message).toBe(expected);
  });

  it('trims what is left once invisible characters are gone', () => {
    expect(schema.parse({ pixels, name: '\u200B  satoshi \u202E' }).name).toBe('satoshi');
  });

  it('counts the length after normalising, so invisible padding cannot push text over', () => {
    const name = `${'n'.repeat(40)}${'\u200B'.repeat(20)}`;
    expect(schema.parse({ pixels, name }).name).toBe('n'.repeat(40));
    expect(schema.safeParse({ pixels, name: 'n'.repeat(41) }).success).toBe(false);
  });
});
