// Names and messages are shown to other people in the feed and in pixel history, so text that
// renders differently from what it says is removed before anything else looks at it.

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks) reorder what follows them:
 * a name could make the rest of its feed line read backwards.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Zero-width characters make two different names look the same. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * A buyer's name or message as it may be shown: bidi controls and zero-width characters
 * removed, then in Unicode NFC (so the same visible text is the same string).
 */
export function normaliseDisplayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '').normalize('NFC');
}
