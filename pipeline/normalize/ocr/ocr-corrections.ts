import type { OcrRules } from '../../../schemas/ocr-rules.js';
import { loadGazetteer, type Gazetteer } from '../../../core/gazetteer/index.js';
import type { Edit } from '../../../core/provenance/mapped-text.js';
import { compactText, type CompactText } from '../../../core/provenance/compact-text.js';
import { confusionIndex } from './confusion-index.js';
import { occurrences } from './count-occurrences.js';
import { forcedFindings, RULE_FORCED } from './forced.js';
import { jiebaLexicon, type Lexicon } from '../../../core/lexicon/lexicon.js';
import { withLookalikes } from './lookalikes.js';
import { nameTargets, townshipTargets } from './name-targets.js';
import { abbreviationFindings, RULE_ABBREVIATION } from './subject-abbreviation.js';
import { nameFindings } from './subject-entity.js';
import type { Subject, Suspect } from './types.js';
import { RULE_WORD, wordFindings } from './word-evidence.js';

export interface OcrOptions {
  readonly subject: Subject | null;
  readonly rules: OcrRules;
  /** default: data/gazetteer.json */
  readonly gazetteer?: Gazetteer;
  /** default: nodejieba's dictionary */
  readonly lexicon?: Lexicon;
  /** compactText(text), when the caller has it already */
  readonly compact?: CompactText;
}

export interface OcrResult {
  readonly edits: Edit[];
  readonly suspects: Suspect[];
}

/** One-character edit at compact index `at`. */
function charEdit(ct: CompactText, at: number, to: string, rule: string, evidence: Record<string, unknown>): Edit {
  const start = ct.offsets[at];
  return { start, end: start + 1, replacement: to, rule, kind: 'correction', evidence };
}

/** Edits for a forced correction: per changed character when lengths agree, else one edit when the span has no line break. */
function forcedEdits(ct: CompactText, at: number, end: number, from: string, to: string, evidence: Record<string, unknown>): Edit[] | null {
  if (from.length === to.length) {
    const edits: Edit[] = [];
    for (let k = 0; k < from.length; k++) if (from[k] !== to[k]) edits.push(charEdit(ct, at + k, to[k], RULE_FORCED, evidence));
    return edits;
  }
  const start = ct.offsets[at];
  const stop = ct.offsets[end - 1] + 1;
  if (stop - start !== end - at) return null;
  return [{ start, end: stop, replacement: to, rule: RULE_FORCED, kind: 'correction', evidence }];
}

/**
 * OCR confusion corrections for one document (pure: the text in, edits and suspects out;
 * offsets are into `text`). Names are matched across line breaks and spaces. Order of
 * precedence: forced corrections from the rules file, then the subject and its neighbours'
 * names (rules 1 and 2) and names built on the subject's first character, then word evidence (rule 3) on characters no name rule looked at.
 */
export function ocrCorrections(text: string, opts: OcrOptions): OcrResult {
  const { subject, rules } = opts;
  const ct = opts.compact ?? compactText(text);
  const g = opts.gazetteer ?? loadGazetteer();
  const lexicon = opts.lexicon ?? jiebaLexicon();
  const index = confusionIndex(rules.confusions);
  const edits: Edit[] = [];
  const suspects: Suspect[] = [];
  const claimed = new Set<number>();
  const attested = new Map<string, number>();
  const suspect = (at: number, from: string, to: string, rule: string, reason: string, evidence: Record<string, unknown>) => {
    const start = ct.offsets[at];
    suspects.push({ start, end: start + from.length, from, to, rule, reason, evidence });
  };

  for (const f of forcedFindings(ct.text, rules)) {
    if (Array.from({ length: f.end - f.at }, (_, k) => f.at + k).some((k) => claimed.has(k))) continue;
    const e = forcedEdits(ct, f.at, f.end, f.from, f.to, f.evidence);
    if (!e) {
      suspect(f.at, f.from, f.to, RULE_FORCED, 'forced correction spans a line break; fix it by hand', f.evidence);
      continue;
    }
    edits.push(...e);
    for (let k = f.at; k < f.end; k++) claimed.add(k);
  }

  // reviewed genuine compounds (平漯周) are off limits to every rule but forced corrections
  for (const p of rules.protected) {
    for (const at of occurrences(ct.text, p.text)) for (let k = at; k < at + p.text.length; k++) claimed.add(k);
  }

  if (subject) {
    const targets = [...nameTargets(subject, g, ct.text), ...townshipTargets(ct.text, lexicon, index)];
    // the protected names' letters also confuse with their look-alikes by decomposition (湖滨 → 湖浜)
    const nameIndex = withLookalikes(index, targets.flatMap((t) => [...t.stem]));
    for (const f of nameFindings({ compact: ct.text, subject, targets, rules, index: nameIndex, gazetteer: g, lexicon })) {
      const { candidate: c, decision: d } = f;
      // the whole form is looked at: word evidence must not re-decide its characters
      for (let k = c.at; k < c.at + c.variant.form.length; k++) claimed.add(k);
      const from = c.variant.form[c.variant.index];
      const to = c.target.stem[c.variant.index];
      if (d.action === 'correct' && !edits.some((e) => e.start === ct.offsets[c.charAt])) {
        edits.push(charEdit(ct, c.charAt, to, f.rule, f.evidence));
        attested.set(`${from}→${to}`, (attested.get(`${from}→${to}`) ?? 0) + 1);
      } else if (d.action === 'suspect') suspect(c.charAt, from, to, f.rule, d.reason, f.evidence);
    }
    const abbreviations = abbreviationFindings(ct.text, subject, index, lexicon, g, (pair) => attested.get(pair) ?? 0, (at) => claimed.has(at));
    for (const f of abbreviations) {
      claimed.add(f.at);
      if (f.action === 'correct') edits.push(charEdit(ct, f.at, f.to, RULE_ABBREVIATION, f.evidence));
      else suspect(f.at, f.from, f.to, RULE_ABBREVIATION, f.reason, f.evidence);
    }
  }

  for (const f of wordFindings(ct.text, rules, index, lexicon, (at) => claimed.has(at))) {
    if (f.action === 'correct') edits.push(charEdit(ct, f.at, f.to, RULE_WORD, f.evidence));
    else suspect(f.at, f.from, f.to, RULE_WORD, f.reason, f.evidence);
  }

  edits.sort((a, b) => a.start - b.start);
  suspects.sort((a, b) => a.start - b.start);
  return { edits, suspects };
}
