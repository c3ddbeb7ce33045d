import type { OcrRules } from '../../../schemas/ocr-rules.js';
import type { Gazetteer } from '../../../core/gazetteer/index.js';
import type { ConfusionIndex, Variant } from './confusion-index.js';
import { nameVariants } from './confusion-index.js';
import { contextSnippet } from './context-snippet.js';
import { countOccurrences, occurrences } from './count-occurrences.js';
import type { Lexicon } from '../../../core/lexicon/lexicon.js';
import {
  dictionaryCompound, listOfPlaces, listedContext, placeContext, quoted, realDivision, sharedContexts, suffixForm, waterContext, type NameWindow,
} from './name-signals.js';
import type { NameTarget } from './name-targets.js';
import type { Subject } from './types.js';

export const RULE_SUBJECT = 'ocr/subject-entity';
export const RULE_LOCAL = 'ocr/local-name';

/** Weights of the signals (a decision is the sum; see nameDecision). */
export const WEIGHTS = {
  suffix: 2,
  listed: 2,
  water: 2,
  quoted: 1,
  shared: 1,
  attestedMax: 3,
  dominant: 1,
  distant: 1,
  knownWord: -1,
} as const;

/** The target must occur this many times as often as the form, and at least DOMINANT_MIN times, to count as dominant. */
const DOMINANT_RATIO = 3;
const DOMINANT_MIN = 5;

/** One occurrence of a confusable form of a protected name. */
export interface NameCandidate {
  readonly target: NameTarget;
  readonly variant: Variant;
  /** start of the form in the compact text */
  readonly at: number;
  /** compact index of the changed character */
  readonly charAt: number;
  /** a reviewed compound covers it */
  readonly protectedBy: string | null;
  /** strong signs of a genuine other place */
  readonly genuine: { division: string | null; list: string | null; compound: string | null };
  /** weak signs of a genuine other place */
  readonly place: string | null;
  /** strong signs of the target */
  readonly strong: { suffix: string | null; listed: string | null; water: string | null };
}

export interface NameDecision {
  readonly action: 'correct' | 'suspect' | 'keep';
  readonly score: number;
  readonly threshold: number;
  readonly signals: Record<string, unknown>;
  readonly reason: string;
}

export interface NameScanInput {
  readonly compact: string;
  readonly subject: Subject;
  readonly targets: readonly NameTarget[];
  readonly rules: OcrRules;
  readonly index: ConfusionIndex;
  readonly gazetteer: Gazetteer;
  readonly lexicon: Lexicon;
}

function protectedAt(compact: string, pos: number, rules: OcrRules): string | null {
  for (const p of rules.protected) {
    const from = Math.max(0, pos - p.text.length + 1);
    const i = compact.indexOf(p.text, from);
    if (i >= 0 && i <= pos) return p.text;
  }
  return null;
}

/** Every occurrence of every confusable form of every target, with its context signals. */
export function findNameCandidates(input: NameScanInput): NameCandidate[] {
  const { compact, targets, rules, index, gazetteer: g } = input;
  const stems = new Set(targets.map((t) => t.stem));
  const out: NameCandidate[] = [];
  for (const t of targets) {
    if (t.stem.length < 2) continue;
    for (const v of nameVariants(t.stem, index)) {
      if (stems.has(v.form)) continue; // the form is another protected name
      for (const at of occurrences(compact, v.form)) {
        const w: NameWindow = { text: compact, at, form: v.form };
        const charAt = at + v.index;
        out.push({
          target: t,
          variant: v,
          at,
          charAt,
          protectedBy: protectedAt(compact, charAt, rules),
          genuine: { division: realDivision(w, t, g)?.name ?? null, list: listOfPlaces(w, g), compound: dictionaryCompound(w, input.lexicon) },
          place: placeContext(w, rules.placeContexts),
          strong: {
            suffix: suffixForm(w, t, g),
            listed: t.role === 'subject' ? listedContext(w, rules.subjectContexts) : null,
            water: waterContext(w, t, input.subject.name, rules.waterContexts),
          },
        });
      }
    }
  }
  return out;
}

const isStrong = (c: NameCandidate) => Boolean(c.strong.suffix || c.strong.listed || c.strong.water);
const key = (c: NameCandidate) => `${c.target.stem}\u0000${c.variant.form}`;

/**
 * Decide one candidate. Reviewed compounds and real divisions (漯河市) are kept silently; the
 * rest is scored: strong contexts (X区 that is no real division, 五个X, X力量, a river context),
 * a short quotation, contexts shared with the target elsewhere in the document, how often the
 * document shows the same confusion in strong contexts, the target's dominance, a look-alike
 * that is a far-away place; minus one when the form is itself a word or place. At or above
 * the threshold (2; +1 for look-alike pairs, +1 for neighbours' names) the form is corrected
 * unless a genuine-place context also fits; between 1 and the threshold it is a suspect.
 */
export function nameDecision(c: NameCandidate, all: readonly NameCandidate[], input: NameScanInput): NameDecision {
  const { compact, subject, gazetteer: g, lexicon } = input;
  const threshold = 2 + (c.variant.partner.kind === 'lookalike' ? 1 : 0) + (c.target.role === 'subject' ? 0 : 1);
  if (c.protectedBy) return { action: 'keep', score: 0, threshold, signals: { protected: c.protectedBy }, reason: 'reviewed genuine compound' };
  if (c.genuine.division && !c.strong.suffix) return { action: 'keep', score: 0, threshold, signals: { division: c.genuine.division }, reason: 'a real division' };
  if (c.genuine.compound && !c.strong.suffix) {
    const signals = { compound: c.genuine.compound, subjectContext: c.strong.listed };
    return c.strong.listed
      ? { action: 'suspect', score: WEIGHTS.listed, threshold, signals, reason: `part of the dictionary word ${c.genuine.compound}` }
      : { action: 'keep', score: 0, threshold, signals, reason: 'part of a dictionary word' };
  }

  if (c.variant.partner.origin === 'decomposition') {
    // a pair known only from the decomposition data is weaker evidence than a reviewed one: a form that is itself a word or a place stays
    const real = lexicon.has(c.variant.form) ? 'dictionary word' : g.lookup(c.variant.form).map((d) => `${d.name} ${d.code}`)[0];
    if (real) return { action: 'keep', score: 0, threshold, signals: { formIsWordOrPlace: real }, reason: 'look-alike by decomposition, but the form is a real word or place' };
  }
  const count = (s: string) => countOccurrences(compact, s);
  const signals: Record<string, unknown> = {};
  let score = 0;
  const add = (name: string, weight: number, value: unknown) => {
    signals[name] = value;
    score += weight;
  };
  if (c.strong.suffix) add('suffixForm', WEIGHTS.suffix, c.strong.suffix);
  else if (c.strong.listed) add('subjectContext', WEIGHTS.listed, c.strong.listed);
  else if (c.strong.water) add('riverContext', WEIGHTS.water, c.strong.water);
  const w: NameWindow = { text: compact, at: c.at, form: c.variant.form };
  if (quoted(w)) add('quoted', WEIGHTS.quoted, true);
  const shared = sharedContexts(w, c.target.stem, count);
  if (shared.length) add('sharedContexts', WEIGHTS.shared * shared.length, shared);
  const attested = all.filter((o) => o !== c && key(o) === key(c) && !o.protectedBy && !o.genuine.division && !o.genuine.compound && isStrong(o)).length;
  if (attested > 0) add('sameConfusionElsewhere', Math.min(WEIGHTS.attestedMax, attested), attested);
  const targetCount = count(c.target.stem);
  const formCount = all.filter((o) => key(o) === key(c) && !o.protectedBy).length;
  if (targetCount >= DOMINANT_MIN && targetCount >= DOMINANT_RATIO * formCount) add('targetDominant', WEIGHTS.dominant, { [c.target.stem]: targetCount, [c.variant.form]: formCount });
  const places = g.lookup(c.variant.form);
  if (c.variant.partner.kind === 'lookalike' && places.length > 0 && subject.province && places.every((d) => g.provinceOf(d)?.name !== subject.province)) {
    add('distantPlace', WEIGHTS.distant, places.map((d) => `${d.name} (${g.provinceOf(d)?.name ?? '?'})`));
  }
  if (lexicon.has(c.variant.form) || places.length > 0) add('formIsWordOrPlace', WEIGHTS.knownWord, places.length ? places.map((d) => `${d.name} ${d.code}`) : 'dictionary word');

  const conflict = c.strong.suffix ? null : c.genuine.list ?? c.place;
  if (score >= threshold && !conflict) return { action: 'correct', score, threshold, signals, reason: 'evidence at or above the bar' };
  if (score >= threshold) {
    signals.genuinePlaceContext = conflict;
    return { action: 'suspect', score, threshold, signals, reason: `a genuine place also fits (${conflict})` };
  }
  if (score >= 1) return { action: 'suspect', score, threshold, signals, reason: `evidence below the bar (${score} < ${threshold})` };
  return { action: 'keep', score, threshold, signals, reason: 'no evidence' };
}

export interface NameFinding {
  readonly candidate: NameCandidate;
  readonly decision: NameDecision;
  readonly rule: string;
  readonly evidence: Record<string, unknown>;
}

/** Decide every candidate; one finding per changed character (the best-scoring target wins). */
export function nameFindings(input: NameScanInput): NameFinding[] {
  const candidates = findNameCandidates(input);
  const best = new Map<number, NameFinding>();
  for (const c of candidates) {
    const decision = nameDecision(c, candidates, input);
    const rule = c.target.role === 'subject' ? RULE_SUBJECT : RULE_LOCAL;
    const evidence: Record<string, unknown> = {
      subject: input.subject.name,
      target: c.target.name,
      targetRole: c.target.role,
      form: c.variant.form,
      corrected: c.target.stem,
      pair: `${c.variant.form[c.variant.index]}→${c.target.stem[c.variant.index]}`,
      pairSource: c.variant.partner.source,
      score: decision.score,
      threshold: decision.threshold,
      signals: decision.signals,
      context: contextSnippet(input.compact, c.at, c.at + c.variant.form.length),
    };
    const f: NameFinding = { candidate: c, decision, rule, evidence };
    const prev = best.get(c.charAt);
    const rank = (x: NameFinding) => (x.decision.action === 'keep' && x.decision.score === 0 && (x.candidate.protectedBy || x.candidate.genuine.division || x.candidate.genuine.compound) ? 1e6 : x.decision.score);
    if (!prev || rank(f) > rank(prev)) best.set(c.charAt, f);
  }
  return [...best.values()].sort((a, b) => a.candidate.charAt - b.candidate.charAt);
}
