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

/** Printable ASCII and the letters between U+3001 and U+FEFE (Han, CJK punctuation, full-width forms) are never space: tested before isSpaceCode. */
const isPlainLetter = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff);

/** Whitespace runs are cut out in one pass (by character code: no match object per run). */
export function compactText(text: string): CompactText {
  const len = text.length;
  const offsets = new Int32Array(len);
  const parts: string[] = [];
  let n = 0;
  let from = -1; // start of the current kept run, -1 inside whitespace
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (isPlainLetter(c) || !isSpaceCode(c)) {
      if (from < 0) from = i;
      offsets[n++] = i;
    } else if (from >= 0) {
      parts.push(text.slice(from, i));
      from = -1;
    }
  }
  if (from >= 0) parts.push(from === 0 ? text : text.slice(from));
  return { text: parts.length === 1 ? parts[0] : parts.join(''), offsets: n === len ? offsets : offsets.slice(0, n) };
}

/** Original [start, end) of the compact range [a, b). */
export function originalRange(ct: CompactText, a: number, b: number): [number, number] {
  return [ct.offsets[a], ct.offsets[b - 1] + 1];
}
