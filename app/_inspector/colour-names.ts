import { DEFAULT_PALETTE } from '../../protocol/settings';

/** Plain names of the default palette's colours, in its order. */
const DEFAULT_NAMES = [
  'White',
  'Light grey',
  'Grey',
  'Black',
  'Pink',
  'Red',
  'Orange',
  'Brown',
  'Yellow',
  'Lime',
  'Green',
  'Turquoise',
  'Steel blue',
  'Indigo',
  'Lilac',
  'Purple',
];

const NAMES = new Map(DEFAULT_PALETTE.map((hex, i) => [hex, DEFAULT_NAMES[i]]));

/** A colour's name when it is one of the default palette's, else its `#rrggbb`. */
export function colourName(hex: string): string {
  return NAMES.get(hex.toLowerCase()) ?? hex.toLowerCase();
}
