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

const SPACE = /[\s\u3000\u00a0\ufeff]/u;

export function compactText(text: string): CompactText {
  const offsets = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (SPACE.test(ch)) continue;
    parts.push(ch);
    offsets[n++] = i;
  }
  return { text: parts.join(''), offsets: offsets.slice(0, n) };
}

/** Original [start, end) of the compact range [a, b). */
export function originalRange(ct: CompactText, a: number, b: number): [number, number] {
  return [ct.offsets[a], ct.offsets[b - 1] + 1];
}
