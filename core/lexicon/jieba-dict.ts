import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let charFreq: Map<string, number> | null = null;
let wordFreq: Map<string, number> | null = null;
let totals: { total: number; min: number; maxLength: number } | null = null;

/** Path of the main dictionary shipped inside the installed nodejieba package. */
export function jiebaDictPath(): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('nodejieba/package.json'));
  return join(root, 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

function load(): void {
  const words = new Map<string, number>();
  const text = readFileSync(jiebaDictPath(), 'utf8');
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const sp1 = text.indexOf(' ', start);
    if (sp1 > start && sp1 < nl) {
      const word = text.slice(start, sp1);
      const sp2 = text.indexOf(' ', sp1 + 1);
      const freq = Number(text.slice(sp1 + 1, sp2 > sp1 && sp2 < nl ? sp2 : nl)) || 0;
      words.set(word, freq);
    }
    start = nl + 1;
  }
  wordFreq = words;
  let total = 0;
  let min = Infinity;
  let maxLength = 0;
  for (const [word, f] of words) {
    total += f;
    if (f > 0) min = Math.min(min, f);
    maxLength = Math.max(maxLength, word.length);
  }
  totals = { total, min, maxLength };
}

/** Summed frequency of the dictionary words that contain the character (jieba's dictionary). */
export function dictCharFrequency(ch: string): number {
  if (!charFreq) {
    // built on first use only: most documents never ask (a pass over 350,000 words)
    if (!wordFreq) load();
    const chars = new Map<string, number>();
    for (const [word, freq] of wordFreq!) for (const c of word) chars.set(c, (chars.get(c) ?? 0) + freq);
    charFreq = chars;
  }
  return charFreq.get(ch) ?? 0;
}

/** Frequency of a word in jieba's dictionary, 0 when absent. */
export function dictWordFrequency(word: string): number {
  if (!wordFreq) load();
  return wordFreq!.get(word) ?? 0;
}

/** Sum and smallest non-zero frequency of jieba's dictionary, and its longest word: what a max-probability segmentation weighs with. */
export function dictTotals(): { total: number; min: number; maxLength: number } {
  if (!totals) load();
  return totals!;
}
