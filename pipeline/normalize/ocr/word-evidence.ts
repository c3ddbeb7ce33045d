import type { CharFinding } from './types.js';
import nodejieba from 'nodejieba';
import type { OcrRules } from '../../../schemas/ocr-rules.js';
import type { ConfusionIndex } from './confusion-index.js';
import { contextSnippet } from './context-snippet.js';
import { countOccurrences } from './count-occurrences.js';
import type { Lexicon } from './lexicon.js';

export const RULE_WORD = 'ocr/word-evidence';

/** Longest word looked up around a character. */
const MAX_WORD = 4;
/** Characters of context handed to the segmenter on each side. */
const SEGMENT_WINDOW = 6;

export interface WordHit {
  readonly word: string;
  readonly frequency: number;
  /** start of the word in the text searched */
  readonly start: number;
}

/** The most frequent dictionary word (2–4 characters) of `text` that covers position `i`. */
export function bestWordAt(text: string, i: number, lexicon: Lexicon): WordHit | null {
  let best: WordHit | null = null;
  for (let len = 2; len <= MAX_WORD; len++) {
    for (let s = Math.max(0, i - len + 1); s <= i && s + len <= text.length; s++) {
      const word = text.slice(s, s + len);
      const frequency = lexicon.get(word);
      if (frequency !== undefined && (!best || frequency > best.frequency)) best = { word, frequency, start: s };
    }
  }
  return best;
}

/** nodejieba's segmentation (dictionary only, no HMM guesses) of the window around position i. */
export function segmentAround(text: string, i: number): { tokens: string[]; token: string } {
  const start = Math.max(0, i - SEGMENT_WINDOW);
  const window = text.slice(start, i + SEGMENT_WINDOW + 1);
  const tokens = nodejieba.cut(window, false);
  let pos = 0;
  for (const t of tokens) {
    if (start + pos + t.length > i) return { tokens, token: t };
    pos += t.length;
  }
  return { tokens, token: text[i] ?? '' };
}

export type WordFinding = CharFinding;

const HAN = /\p{Script=Han}/u;

/**
 * Rule 3, for the confusion pairs of ordinary words (scope all): a character is corrected when
 * the corrected form makes a dictionary word that the segmenter also cuts out, the uncorrected
 * text makes no word at least minRatio times rarer, and — when the uncorrected form is itself in
 * the dictionary — the document does not use it more often than the corrected word. Otherwise a
 * word-forming swap is a suspect.
 */
export function wordFindings(compact: string, rules: OcrRules, index: ConfusionIndex, lexicon: Lexicon, skip: (at: number) => boolean): WordFinding[] {
  const { minFrequency, minRatio } = rules.wordEvidence;
  const out: WordFinding[] = [];
  for (let i = 0; i < compact.length; i++) {
    const ch = compact[i];
    const partners = index.get(ch)?.filter((p) => p.scope === 'all');
    if (!partners?.length || skip(i)) continue;
    const orig = bestWordAt(compact, i, lexicon);
    let best: { to: string; hit: WordHit; source: string } | null = null;
    const ws = Math.max(0, i - MAX_WORD + 1);
    for (const p of partners) {
      const alt = compact.slice(ws, i) + p.char + compact.slice(i + 1, i + MAX_WORD);
      const hit = bestWordAt(alt, i - ws, lexicon);
      if (hit && hit.frequency >= minFrequency && (!best || hit.frequency > best.hit.frequency)) best = { to: p.char, hit, source: p.source };
    }
    if (!best) continue;
    const origFreq = orig?.frequency ?? 0;
    if (best.hit.frequency < minRatio * Math.max(origFreq, 1)) continue;
    const fixed = compact.slice(Math.max(0, i - SEGMENT_WINDOW), i) + best.to + compact.slice(i + 1, i + SEGMENT_WINDOW + 1);
    const seg = segmentAround(fixed, Math.min(i, SEGMENT_WINDOW));
    const segOrig = segmentAround(compact, i);
    const uncorrectedForm = compact.slice(ws + best.hit.start, ws + best.hit.start + best.hit.word.length);
    const docCorrected = countOccurrences(compact, best.hit.word);
    const docUncorrected = countOccurrences(compact, uncorrectedForm);
    const evidence: Record<string, unknown> = {
      pair: `${ch}→${best.to}`,
      pairSource: best.source,
      word: best.hit.word,
      wordFrequency: best.hit.frequency,
      uncorrected: orig ? orig.word : uncorrectedForm,
      uncorrectedFrequency: origFreq,
      segmentation: seg.tokens.join('/'),
      segmentationBefore: segOrig.tokens.join('/'),
      documentCounts: { [best.hit.word]: docCorrected, [uncorrectedForm]: docUncorrected },
      context: contextSnippet(compact, i, i + 1),
    };
    // the segmenter, run on the corrected text, cuts out a dictionary word holding the corrected character
    const segmented = seg.token.length >= 2 && seg.token.includes(best.to) && lexicon.has(seg.token);
    const neighboursHan = HAN.test(compact[i - 1] ?? '') || HAN.test(compact[i + 1] ?? '');
    if (!segmented || !neighboursHan) {
      out.push({ at: i, from: ch, to: best.to, action: 'suspect', reason: 'the segmenter does not cut the corrected word out', evidence });
    } else if (docUncorrected > docCorrected && docUncorrected >= 2 && lexicon.has(uncorrectedForm)) {
      out.push({ at: i, from: ch, to: best.to, action: 'suspect', reason: 'the document uses the uncorrected form more often', evidence });
    } else {
      out.push({ at: i, from: ch, to: best.to, action: 'correct', reason: 'known word against a non-word', evidence });
    }
  }
  return out;
}
