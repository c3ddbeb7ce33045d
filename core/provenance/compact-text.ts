import { isSpaceCode } from '../text/chars.js';

/** JavaScript's \s by code (core/text/chars): what compactText cuts out. */
export { isSpaceCode };

/**
 * The text without whitespace, with the offset of every kept character: hard-wrapped lines
 * ("湛\n\n河") and letter-spaced titles (政 府) read as one run, so names and words split by
 * a line break are still found. Offsets point back into the text.
 */
export interface CompactText {
  readonly text: string;
  /** offsets[i] = offset in the original text of compact character i */
  readonly offsets: Int32Array;
}

/** Whitespace runs are cut out in one pass (by character code: no match object per run). */
export function compactText(text: string): CompactText {
  const offsets = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let from = -1; // start of the current kept run, -1 inside whitespace
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i));
    if (!space) {
      if (from < 0) from = i;
      offsets[n++] = i;
    } else if (from >= 0) {
      parts.push(text.slice(from, i));
      from = -1;
    }
  }
  return { text: parts.length === 1 ? parts[0] : parts.join(''), offsets: n === text.length ? offsets : offsets.slice(0, n) };
}

/** Original [start, end) of the compact range [a, b). */
export function originalRange(ct: CompactText, a: number, b: number): [number, number] {
  return [ct.offsets[a], ct.offsets[b - 1] + 1];
}
