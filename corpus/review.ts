import { z } from 'zod';
import { Correction, Diagnostic } from '../schemas/messages.js';
import { openCorpus, readEach, type ReadProgress } from './store.js';
import { groupBy } from '../core/arrays.js';

/**
 * The parts of a document JSON the review reads, and all it keeps of one: the rest is dropped as
 * the document is read, so a review of a whole corpus holds its messages, not its documents.
 */
export const ReviewDocument = z.object({
  corrections: z.array(Correction).default([]),
  diagnostics: z.array(Diagnostic).default([]),
});
export type ReviewDocument = z.infer<typeof ReviewDocument>;

export interface ReviewInput {
  readonly id: string;
  readonly doc: ReviewDocument;
}

export interface ReviewOptions {
  /** only rules starting with this (e.g. ocr/) */
  readonly rule?: string;
  /** only diagnostics with this code (e.g. numbering-gap); corrections are left out then */
  readonly code?: string;
}

const SUSPECT_CODE = 'ocr-suspect';

function contextOf(c: Correction): string {
  const ctx = c.evidence.context;
  return typeof ctx === 'string' ? ctx : '';
}

function whyOf(e: Correction['evidence']): string {
  const parts: string[] = [];
  if (typeof e.score === 'number' && typeof e.threshold === 'number') parts.push(`score ${e.score}/${e.threshold}`);
  if (e.signals && typeof e.signals === 'object') parts.push(Object.keys(e.signals as object).join(', '));
  if (typeof e.word === 'string') parts.push(`word ${e.word}`);
  if (typeof e.forced === 'string') parts.push(`forced ${e.forced}`);
  return parts.length ? `  [${parts.join('; ')}]` : '';
}

/** The items under each key, keys sorted. */
function group<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  return new Map([...groupBy(items, key)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

export interface ReviewItems {
  documents: number;
  corrections: Array<{ id: string; rule: string; line: number; column: number; from: string; to: string; context: string; evidence: Record<string, unknown> }>;
  /** every warning, ocr-suspect ones included: code, the rule that reported it, position, message */
  warnings: Array<{ id: string; code: string; rule: string; line: number | null; column: number | null; message: string; actual: string | null; expected: string | null }>;
}

/** The review as data: applied corrections and every warning, each with its document and raw position. */
export function reviewItems(inputs: readonly ReviewInput[], opts: ReviewOptions = {}): ReviewItems {
  const keepRule = (rule: string) => !opts.rule || rule.startsWith(opts.rule);
  const keepCode = (code: string) => !opts.code || code === opts.code;
  const corrections = opts.code
    ? []
    : inputs.flatMap(({ id, doc }) =>
        doc.corrections.filter((c) => keepRule(c.rule)).map((c) => ({ id, rule: c.rule, line: c.source.line, column: c.source.column, from: c.from, to: c.to, context: contextOf(c), evidence: c.evidence })),
      );
  const warnings = inputs.flatMap(({ id, doc }) =>
    doc.diagnostics
      .filter((d) => d.severity !== 'info' || d.code === SUSPECT_CODE)
      .filter((d) => keepRule(d.rule) && keepCode(d.code))
      .map((d) => ({ id, code: d.code, rule: d.rule, line: d.source?.line ?? null, column: d.source?.column ?? null, message: d.message, actual: d.actual ?? null, expected: d.expected ?? null })),
  );
  return { documents: inputs.length, corrections, warnings };
}

const at = (line: number | null, column: number | null) => (line === null ? '-' : `L${line}:${column}`);

/**
 * The review listing (pure): applied corrections grouped by rule, then open ocr-suspect diagnostics
 * grouped by rule, then every other warning grouped by code; one line each with document, raw
 * line:column and the change or message, so a person can check a batch quickly.
 */
export function formatReview(inputs: readonly ReviewInput[], opts: ReviewOptions = {}): string {
  const { corrections, warnings } = reviewItems(inputs, opts);
  const suspects = warnings.filter((w) => w.code === SUSPECT_CODE);
  const others = warnings.filter((w) => w.code !== SUSPECT_CODE);
  const out: string[] = [];
  out.push(`${inputs.length} document(s): ${corrections.length} correction(s) applied, ${suspects.length} suspect(s) open, ${others.length} other warning(s)`);
  for (const [rule, list] of group(corrections, (x) => x.rule)) {
    out.push('', `== applied: ${rule} (${list.length})`);
    for (const c of list) out.push(`${c.id}  ${at(c.line, c.column)}  ${c.from} → ${c.to}  ${c.context}${whyOf(c.evidence)}`);
  }
  for (const [rule, list] of group(suspects, (x) => x.rule)) {
    out.push('', `== open suspects: ${rule} (${list.length})`);
    for (const s of list) out.push(`${s.id}  ${at(s.line, s.column)}  ${s.message}`);
  }
  for (const [code, list] of group(others, (x) => x.code)) {
    out.push('', `== warnings: ${code} (${list.length})`);
    for (const w of list) out.push(`${w.id}  ${at(w.line, w.column)}  ${w.message}  [${w.rule}]`);
  }
  return out.join('\n') + '\n';
}

export interface ReviewRead {
  inputs: ReviewInput[];
  /** documents listed in index.json that could not be read, with why */
  problems: Array<{ id: string; message: string }>;
}

/** Read the corrections and diagnostics of every built document of a corpus folder (through the one corpus reader, one document at a time). */
export async function readReview(dir: string, progress?: ReadProgress): Promise<ReviewRead> {
  const corpus = await openCorpus(dir);
  const inputs: ReviewInput[] = [];
  const problems: ReviewRead['problems'] = [];
  for (const { entry, doc } of readEach(corpus, ReviewDocument, (id, message) => problems.push({ id, message }), progress)) inputs.push({ id: entry.id, doc });
  return { inputs, problems };
}
