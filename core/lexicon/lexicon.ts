import { dictWordFrequency } from './jieba-dict.js';

/** Word → frequency lookups (jieba's dictionary by default; a Map works for tests). */
export interface Lexicon {
  get(word: string): number | undefined;
  has(word: string): boolean;
}

/** nodejieba's own dictionary (the one its segmenter uses), shared with pipeline/lexicon. */
export function jiebaLexicon(): Lexicon {
  return {
    get: (word) => {
      const f = dictWordFrequency(word);
      return f > 0 ? f : undefined;
    },
    has: (word) => dictWordFrequency(word) > 0,
  };
}
