import { EMPTY } from './draft-model';

/**
 * The draft in localStorage, run-length encoded (drafts are mostly empty or in runs), so a
 * reload keeps it. Saved per board size: a draft for another board is ignored.
 */

const STORAGE_KEY = 'boltboard.draft.v1';

interface SavedDraft {
  width: number;
  height: number;
  /** Alternating run length and colour (EMPTY for none). */
  runs: number[];
}

export function encodeRuns(colors: Int16Array): number[] {
  const runs: number[] = [];
  let i = 0;
  while (i < colors.length) {
    const color = colors[i];
    let end = i + 1;
    while (end < colors.length && colors[end] === color) end++;
    runs.push(end - i, color);
    i = end;
  }
  return runs;
}

/** Decodes runs into `length` colours, or null when they do not add up. */
export function decodeRuns(runs: unknown, length: number): Int16Array | null {
  if (!Array.isArray(runs) || runs.length % 2 !== 0) return null;
  const colors = new Int16Array(length).fill(EMPTY);
  let at = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const count = runs[i];
    const color = runs[i + 1];
    if (!Number.isInteger(count) || !Number.isInteger(color) || count < 1) return null;
    if (at + count > length) return null;
    colors.fill(color, at, at + count);
    at += count;
  }
  return at === length ? colors : null;
}

export function saveDraft(width: number, height: number, colors: Int16Array): void {
  const saved: SavedDraft = { width, height, runs: encodeRuns(colors) };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the draft still lives in the page.
  }
}

export function loadDraft(width: number, height: number): Int16Array | null {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as Partial<SavedDraft>;
    if (saved.width !== width || saved.height !== height) return null;
    return decodeRuns(saved.runs, width * height);
  } catch {
    return null;
  }
}
