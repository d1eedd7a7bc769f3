import { priceSat } from '../../protocol/price';
import type { BoardSettings } from '../../protocol/settings';
import { EMPTY } from './draft-model';

/** What the visitor always sees about the draft: size, price, limit. */
export interface DraftSummary {
  /** Pixels in the draft. */
  count: number;
  /** Of those, pixels the board already shows in that colour: not charged. */
  alreadyRight: number;
  /** Pixels to pay for. */
  toBuy: number;
  priceSat: number;
  maxPixelsPerOrder: number;
  /** Orders needed for `toBuy` (more than one when over the per-order limit). */
  orderCount: number;
  canUndo: boolean;
  canRedo: boolean;
}

interface DraftLike {
  colors: Int16Array;
  count: number;
  canUndo: boolean;
  canRedo: boolean;
}

/** Counts the draft against the board; O(board) but only a few times a second. */
export function summarizeDraft(
  draft: DraftLike | null,
  board: { indices: Uint8Array } | null,
  settings?: BoardSettings | null,
): DraftSummary {
  const maxPixelsPerOrder = settings?.maxPixelsPerOrder ?? 0;
  if (!draft) {
    return {
      count: 0,
      alreadyRight: 0,
      toBuy: 0,
      priceSat: 0,
      maxPixelsPerOrder,
      orderCount: 0,
      canUndo: false,
      canRedo: false,
    };
  }
  let alreadyRight = 0;
  if (board && draft.count > 0) {
    const { colors } = draft;
    const indices = board.indices;
    for (let at = 0; at < colors.length; at++) {
      const color = colors[at];
      if (color !== EMPTY && indices[at] === color) alreadyRight++;
    }
  }
  const toBuy = draft.count - alreadyRight;
  return {
    count: draft.count,
    alreadyRight,
    toBuy,
    priceSat: settings ? priceSat(toBuy, settings.pricePerPixelSat) : 0,
    maxPixelsPerOrder,
    orderCount: maxPixelsPerOrder > 0 ? Math.ceil(toBuy / maxPixelsPerOrder) : 0,
    canUndo: draft.canUndo,
    canRedo: draft.canRedo,
  };
}
