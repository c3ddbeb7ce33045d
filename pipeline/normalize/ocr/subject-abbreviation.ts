import type { CharFinding } from './types.js';
import type { Gazetteer } from '../../../core/gazetteer/index.js';
import type { ConfusionIndex } from './confusion-index.js';
import { contextSnippet } from './context-snippet.js';
import { countOccurrences, occurrences } from './count-occurrences.js';
import type { Lexicon } from '../../../core/lexicon/lexicon.js';
import type { Subject } from './types.js';

export const RULE_ABBREVIATION = 'ocr/subject-abbreviation';

const HAN = /^\p{Script=Han}$/u;
/** Corrections of the same pair by the name rule that make the confusion systematic in a document. */
export const STRONGLY_ATTESTED = 3;

export type AbbreviationFinding = CharFinding;

/** Where any of the one-unit forms stands in the text, in text order (a native search per form, not a test per character). */
export function positionsOf(text: string, forms: readonly string[]): number[] {
  return [...new Set(forms)].filter((f) => f.length === 1).flatMap((f) => occurrences(text, f)).sort((a, b) => a - b);
}

/**
 * Local names built on the subject's first character (湛南社区, 湛源公司 in a 湛河区 plan):
 * a two-character form 漯南 is corrected to 湛南 when the document itself writes 湛南
 * elsewhere, 漯南 is neither a dictionary word nor a place, and the name rule has already
 * shown this document confusing 漯 for 湛 (attested > 0); or, when the document never writes
 * 湛南, the confusion is systematic (attested ≥ STRONGLY_ATTESTED). Weaker cases are suspects.
 * Reviewed compounds (平漯周) are skipped by the caller.
 */
export function abbreviationFindings(
  compact: string,
  subject: Subject,
  index: ConfusionIndex,
  lexicon: Lexicon,
  g: Gazetteer,
  attested: (pair: string) => number,
  skip: (at: number) => boolean,
): AbbreviationFinding[] {
  const head = subject.short[0];
  if (!head || subject.short.length < 2) return [];
  // only name-only pairs (漯/淮 for 湛): characters of everyday words (扬 for 杨) are rule 3's
  const forms = (index.get(head) ?? []).filter((p) => p.kind === 'glyph' && p.scope === 'names').map((p) => p.char);
  const out: AbbreviationFinding[] = [];
  for (const i of positionsOf(compact, forms)) {
    if (i >= compact.length - 1) continue;
    const ch = compact[i];
    if (skip(i) || skip(i + 1)) continue;
    const next = compact[i + 1];
    if (!HAN.test(next)) continue;
    const form = ch + next;
    const corrected = head + next;
    if (corrected === subject.short.slice(0, 2)) continue; // the subject name itself is the name rule's
    if (lexicon.has(form) || g.lookup(form).length > 0 || (i > 0 && lexicon.has(compact[i - 1] + ch))) continue;
    const used = countOccurrences(compact, corrected);
    const pair = `${ch}→${head}`;
    const shown = attested(pair);
    if (used === 0 && shown === 0) continue;
    const evidence = {
      subject: subject.name,
      form,
      corrected,
      pair,
      documentCounts: { [corrected]: used, [form]: countOccurrences(compact, form) },
      sameConfusionCorrected: shown,
      context: contextSnippet(compact, i, i + 2),
    };
    if (used > 0 && shown > 0) out.push({ at: i, from: ch, to: head, action: 'correct', reason: 'the document writes the corrected name and shows this confusion', evidence });
    else if (used === 0 && shown >= STRONGLY_ATTESTED) out.push({ at: i, from: ch, to: head, action: 'correct', reason: `no word or place, and the document shows this confusion ${shown} times`, evidence });
    else if (used > 0) out.push({ at: i, from: ch, to: head, action: 'suspect', reason: 'the document writes the corrected name, but shows no such confusion elsewhere', evidence });
    else out.push({ at: i, from: ch, to: head, action: 'suspect', reason: `no word or place; the document shows this confusion only ${shown} time(s)`, evidence });
  }
  return out;
}
