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

const SPACE_RUN = /[\s\u3000\u00a0\ufeff]+/gu;

/** Whitespace runs are cut out in one pass. */
export function compactText(text: string): CompactText {
  const offsets = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let from = 0;
  const keep = (a: number, b: number): void => {
    if (b <= a) return;
    parts.push(text.slice(a, b));
    for (let i = a; i < b; i++) offsets[n++] = i;
  };
  for (const m of text.matchAll(SPACE_RUN)) {
    keep(from, m.index);
    from = m.index + m[0].length;
  }
  keep(from, text.length);
  return { text: parts.join(''), offsets: offsets.slice(0, n) };
}

/** Original [start, end) of the compact range [a, b). */
export function originalRange(ct: CompactText, a: number, b: number): [number, number] {
  return [ct.offsets[a], ct.offsets[b - 1] + 1];
}
