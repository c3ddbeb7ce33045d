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

/** JavaScript's \s (Unicode White_Space plus U+FEFF), by code: what is cut out. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
