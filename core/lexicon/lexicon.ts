import { dictTable } from './jieba-dict.js';

/** Word → frequency lookups (jieba's dictionary by default; a Map works for tests). */
export interface Lexicon {
  get(word: string): number | undefined;
  has(word: string): boolean;
  /** frequency of text[start, end) as a word, 0 when absent, without cutting the text (optional: a Map has none) */
  frequencyAt?(text: string, start: number, end: number): number;
}

/** nodejieba's own dictionary (the one its segmenter uses), shared with pipeline/lexicon. */
export function jiebaLexicon(): Lexicon {
  const table = dictTable();
  return {
    get: (word) => {
      const f = table.wordFrequency(word);
      return f > 0 ? f : undefined;
    },
    has: (word) => table.wordFrequency(word) > 0,
    frequencyAt: (text, start, end) => table.wordFrequency(text, start, end),
  };
}
