/**
 * Reads at a position of a passage that give what an anchored regex gives on a slice of it,
 * without making the slice: the statement rules run them on every number of every clause.
 */

/**
 * The longest of `words` ending at `end` and starting at `from` or after, or null: what
 * /(?:w1|w2|…)$/ matches on text.slice(from, end) (its leftmost match is the longest word).
 */
export function longestWordEndingAt(text: string, words: readonly string[], from: number, end: number): string | null {
  let best: string | null = null;
  for (const w of words) {
    const at = end - w.length;
    if (at >= from && (best === null || w.length > best.length) && text.startsWith(w, at)) best = w;
  }
  return best;
}

/**
 * A sticky regex's match at `at` as on text.slice(at, end): read in place, and on the slice only
 * when the match in place runs past `end` (a pattern without lookaround or anchors gives the
 * same match both ways otherwise). Only its text and groups are meant: `index` is not.
 */
export function stickyMatchWithin(re: RegExp, text: string, at: number, end: number): RegExpExecArray | null {
  re.lastIndex = at;
  const m = re.exec(text);
  if (m === null || m[0].length <= end - at) return m;
  re.lastIndex = 0;
  return re.exec(text.slice(at, end));
}
