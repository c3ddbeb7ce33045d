import type { CharFinding } from './types.js';
import type { OcrRules } from '../../../schemas/ocr-rules.js';
import type { ConfusionIndex, Partner } from './confusion-index.js';
import { contextSnippet } from './context-snippet.js';
import { countOccurrences } from './count-occurrences.js';
import type { Lexicon } from '../../../core/lexicon/lexicon.js';
import { segmentWindow } from '../../../core/lexicon/segment-window.js';
import { bitSet, hasBit, setBit, type BitSet } from './bit-set.js';

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
      const frequency = frequencyOf(text, s, s + len, lexicon);
      if (frequency !== undefined && (!best || frequency > best.frequency)) best = { word: text.slice(s, s + len), frequency, start: s };
    }
  }
  return best;
}

/** The frequency of text[start, end) as a word (undefined when it is none), without cutting the text when the lexicon can. */
function frequencyOf(text: string, start: number, end: number, lexicon: Lexicon): number | undefined {
  if (!lexicon.frequencyAt) return lexicon.get(text.slice(start, end));
  return lexicon.frequencyAt(text, start, end) || undefined;
}

/** True when some dictionary word (2–4 characters) of `text` covers position `i` (stops at the first). */
export function wordAt(text: string, i: number, lexicon: Lexicon): boolean {
  for (let len = 2; len <= MAX_WORD; len++) {
    for (let s = Math.max(0, i - len + 1); s <= i && s + len <= text.length; s++) if (frequencyOf(text, s, s + len, lexicon) !== undefined) return true;
  }
  return false;
}

/** The dictionary-only segmentation (jieba's route, see segmentWindow) of the window around position i. */
export function segmentAround(text: string, i: number, lexicon: Lexicon): { tokens: string[]; token: string } {
  const start = Math.max(0, i - SEGMENT_WINDOW);
  const window = text.slice(start, i + SEGMENT_WINDOW + 1);
  const tokens = segmentWindow(window, lexicon);
  let pos = 0;
  for (const t of tokens) {
    if (start + pos + t.length > i) return { tokens, token: t };
    pos += t.length;
  }
  return { tokens, token: text[i] ?? '' };
}

const HAN = /\p{Script=Han}/u;

interface WordPartners {
  readonly byCode: Map<number, Partner[]>;
  /** the codes that have partners: most characters are skipped by a bit test */
  readonly has: BitSet;
}

const wordPartnerCache = new WeakMap<ConfusionIndex, WordPartners>();

/** The confusion partners of ordinary words (scope all), by the character's UTF-16 code (all confusion characters are BMP). */
function partnersInWords(index: ConfusionIndex): WordPartners {
  const hit = wordPartnerCache.get(index);
  if (hit) return hit;
  const byCode = new Map<number, Partner[]>();
  const has = bitSet(0x10000);
  for (const [ch, partners] of index) {
    const all = partners.filter((p) => p.scope === 'all');
    if (all.length > 0 && ch.length === 1) {
      byCode.set(ch.charCodeAt(0), all);
      setBit(has, ch.charCodeAt(0));
    }
  }
  const w = { byCode, has };
  wordPartnerCache.set(index, w);
  return w;
}

export type WordFinding = CharFinding;

/** The one-sentence rule under which word evidence corrects rather than suspects (see wordFindings). */
export const DECISIVE_RULE =
  'the uncorrected character makes no dictionary word with its neighbours, and the same document writes the corrected word elsewhere next to the same neighbouring character';

/** The corrected word with the Han character before it and with the one after it, as the document would write them. */
function contextWindows(compact: string, start: number, word: string): string[] {
  const end = start + word.length;
  const out: string[] = [];
  if (start > 0 && HAN.test(compact[start - 1])) out.push(compact[start - 1] + word);
  if (end < compact.length && HAN.test(compact[end])) out.push(word + compact[end]);
  return out;
}


/**
 * Rule 3, for the confusion pairs of ordinary words (scope all). Dictionary frequencies alone
 * never change a document: a character that already makes a dictionary word with its
 * neighbours (既可, 拨出, 未见, 即便) is left alone, and a character that makes none while its
 * partner makes a word the segmenter cuts out is only a suspect — unless the decisive rule holds:
 * DECISIVE_RULE.
 */
export function wordFindings(compact: string, rules: OcrRules, index: ConfusionIndex, lexicon: Lexicon, skip: (at: number) => boolean): WordFinding[] {
  const { minFrequency, minRatio } = rules.wordEvidence;
  const wordPartners = partnersInWords(index);
  const out: WordFinding[] = [];
  for (let i = 0; i < compact.length; i++) {
    if (!hasBit(wordPartners.has, compact.charCodeAt(i))) continue;
    const partners = wordPartners.byCode.get(compact.charCodeAt(i));
    if (!partners || skip(i)) continue;
    const ch = compact[i];
    if (wordAt(compact, i, lexicon)) continue; // the text as written makes a word: no evidence of a confusion
    let best: { to: string; hit: WordHit; source: string } | null = null;
    const ws = Math.max(0, i - MAX_WORD + 1);
    for (const p of partners) {
      const alt = compact.slice(ws, i) + p.char + compact.slice(i + 1, i + MAX_WORD);
      const hit = bestWordAt(alt, i - ws, lexicon);
      if (hit && hit.frequency >= minFrequency && (!best || hit.frequency > best.hit.frequency)) best = { to: p.char, hit, source: p.source };
    }
    // the uncorrected text makes no word (frequency 0, counted as 1): the corrected word must be minRatio times as frequent
    if (!best || best.hit.frequency < minRatio) continue;
    const neighboursHan = HAN.test(compact[i - 1] ?? '') || HAN.test(compact[i + 1] ?? '');
    if (!neighboursHan) continue;
    const fixed = compact.slice(Math.max(0, i - SEGMENT_WINDOW), i) + best.to + compact.slice(i + 1, i + SEGMENT_WINDOW + 1);
    const seg = segmentAround(fixed, Math.min(i, SEGMENT_WINDOW), lexicon);
    // the segmenter, run on the corrected text, cuts out a dictionary word holding the corrected character
    if (!(seg.token.length >= 2 && seg.token.includes(best.to) && lexicon.has(seg.token))) continue;
    const wordStart = ws + best.hit.start;
    const windows = Object.fromEntries(contextWindows(compact, wordStart, best.hit.word).map((w) => [w, countOccurrences(compact, w)]));
    const windowCount = Object.values(windows).reduce((a, b) => a + b, 0);
    const evidence: Record<string, unknown> = {
      pair: `${ch}→${best.to}`,
      pairSource: best.source,
      word: best.hit.word,
      wordFrequency: best.hit.frequency,
      uncorrected: compact.slice(wordStart, wordStart + best.hit.word.length),
      uncorrectedFrequency: 0,
      segmentation: seg.tokens.join('/'),
      documentCounts: { [best.hit.word]: countOccurrences(compact, best.hit.word) },
      documentContext: windows,
      context: contextSnippet(compact, i, i + 1),
    };
    if (windowCount > 0) out.push({ at: i, from: ch, to: best.to, action: 'correct', reason: DECISIVE_RULE, evidence });
    else out.push({ at: i, from: ch, to: best.to, action: 'suspect', reason: 'a dictionary word against a non-word, but the document never writes the word next to these characters', evidence });
  }
  return out;
}
