import { codeTable, isSpaceCode } from '../text/chars.js';

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

/** 1 for each BMP code unit that isSpaceCode accepts. */
const spaceTable = codeTable((c) => (isSpaceCode(c) ? 1 : 0));

/**
 * Whitespace runs are cut out in one pass (by character code: no match object per run), a kept run at a time.
 * The offsets are a view of the kept part of one array the length of the text, not a copy of it.
 */
export function compactText(text: string): CompactText {
  const space = spaceTable();
  const len = text.length;
  const offsets = new Int32Array(len);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; i < len; ) {
    while (i < len && space[text.charCodeAt(i)] === 1) i++;
    const from = i;
    while (i < len && space[text.charCodeAt(i)] === 0) offsets[n++] = i++;
    if (i > from) parts.push(from === 0 && i === len ? text : text.slice(from, i));
  }
  return { text: parts.length === 1 ? parts[0] : parts.join(''), offsets: n === len ? offsets : offsets.subarray(0, n) };
}

/** Original [start, end) of the compact range [a, b). */
export function originalRange(ct: CompactText, a: number, b: number): [number, number] {
  return [ct.offsets[a], ct.offsets[b - 1] + 1];
}
