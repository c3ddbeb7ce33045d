import { dictTotals } from './jieba-dict.js';
import type { Lexicon } from './lexicon.js';

/** Longest word tried at a position: windows are short, and longer dictionary entries are rare. */
const MAX_TOKEN = 8;

/**
 * Max-probability segmentation of a short window by a word-frequency dictionary — jieba's
 * dictionary-only route (cppjieba's MPSegment, nodejieba.cut(text, false)): every dictionary
 * word weighs log(f / total), a character outside it the dictionary's smallest weight, and the
 * route with the largest sum wins. Done here in a few lines so the OCR step needs no segmenter
 * process state (loading nodejieba's segmenter took ~2 s per process and per worker).
 */
export function segmentWindow(text: string, lexicon: Lexicon, totals = dictTotals()): string[] {
  const logTotal = Math.log(totals.total);
  const unknown = Math.log(totals.min) - logTotal;
  const n = text.length;
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  const at = lexicon.frequencyAt;
  const frequency = at ? (i: number, j: number) => at(text, i, j) || undefined : (i: number, j: number) => lexicon.get(text.slice(i, j));
  for (let i = n - 1; i >= 0; i--) {
    best[i] = -Infinity;
    for (let len = 1; len <= Math.min(MAX_TOKEN, totals.maxLength, n - i); len++) {
      const f = frequency(i, i + len);
      if (f === undefined && len > 1) continue;
      const w = (f === undefined ? unknown : Math.log(f) - logTotal) + best[i + len];
      if (w > best[i]) {
        best[i] = w;
        next[i] = i + len;
      }
    }
  }
  const tokens: string[] = [];
  for (let i = 0; i < n; i = next[i]) tokens.push(text.slice(i, next[i]));
  return tokens;
}
