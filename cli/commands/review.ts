import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { processIo, type Io } from '../io.js';
import { z } from 'zod';
import { Correction, Diagnostic } from '../../schemas/messages.js';

/** The parts of index.json the review reads. */
export const ReviewIndex = z.object({
  documents: z.array(z.object({ id: z.string(), status: z.string(), output: z.string().nullable().optional() }).passthrough()),
}).passthrough();
export type ReviewIndex = z.infer<typeof ReviewIndex>;

/** The parts of a document JSON the review reads. */
export const ReviewDocument = z.object({
  corrections: z.array(Correction).default([]),
  diagnostics: z.array(Diagnostic).default([]),
}).passthrough();
export type ReviewDocument = z.infer<typeof ReviewDocument>;

export interface ReviewInput {
  readonly id: string;
  readonly doc: ReviewDocument;
}

export interface ReviewOptions {
  /** only rules starting with this (e.g. ocr/) */
  readonly rule?: string;
}

const SUSPECT_CODE = 'ocr-suspect';
/** `漯河 → 湛河? …context… — ocr/subject-entity: reason` (pipeline/ocr/suspect-message.ts) */
const SUSPECT_RULE = /^(.*) — (ocr\/[\w-]+): (.*)$/su;

const where = (s: { line: number; column: number } | null) => (s ? `L${s.line}:${s.column}` : '-');

function contextOf(c: Correction): string {
  const ctx = c.evidence.context;
  return typeof ctx === 'string' ? ctx : '';
}

function whyOf(c: Correction): string {
  const e = c.evidence;
  const parts: string[] = [];
  if (typeof e.score === 'number' && typeof e.threshold === 'number') parts.push(`score ${e.score}/${e.threshold}`);
  if (e.signals && typeof e.signals === 'object') parts.push(Object.keys(e.signals as object).join(', '));
  if (typeof e.word === 'string') parts.push(`word ${e.word}`);
  if (typeof e.forced === 'string') parts.push(`forced ${e.forced}`);
  return parts.length ? `  [${parts.join('; ')}]` : '';
}

function group<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return new Map([...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/**
 * The review listing (pure): applied corrections grouped by rule, then open ocr-suspect
 * diagnostics grouped by rule; one line each with document, raw line:column, the change and
 * its 20-character context, so a person can check a batch quickly.
 */
export function formatReview(inputs: readonly ReviewInput[], opts: ReviewOptions = {}): string {
  const keep = (rule: string) => !opts.rule || rule.startsWith(opts.rule);
  const corrections = inputs.flatMap(({ id, doc }) => doc.corrections.filter((c) => keep(c.rule)).map((c) => ({ id, c })));
  const suspects = inputs.flatMap(({ id, doc }) =>
    doc.diagnostics
      .filter((d) => d.code === SUSPECT_CODE)
      .map((d) => {
        const m = SUSPECT_RULE.exec(d.message);
        return { id, d, rule: m?.[2] ?? SUSPECT_CODE, text: m ? m[1].trim() : d.message, reason: m?.[3] ?? '' };
      })
      .filter((s) => keep(s.rule)),
  );
  const out: string[] = [];
  out.push(`${inputs.length} document(s): ${corrections.length} correction(s) applied, ${suspects.length} suspect(s) open`);
  for (const [rule, list] of group(corrections, (x) => x.c.rule)) {
    out.push('', `== applied: ${rule} (${list.length})`);
    for (const { id, c } of list) out.push(`${id}  ${where(c.source)}  ${c.from} → ${c.to}  ${contextOf(c)}${whyOf(c)}`);
  }
  for (const [rule, list] of group(suspects, (x) => x.rule)) {
    out.push('', `== open suspects: ${rule} (${list.length})`);
    for (const s of list) out.push(`${s.id}  ${where(s.d.source)}  ${s.text}${s.reason ? `  [${s.reason}]` : ''}`);
  }
  return out.join('\n') + '\n';
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/** Read index.json and every document it lists with an output. */
export function readCorpus(dir: string): ReviewInput[] {
  const indexFile = join(dir, 'index.json');
  const index = ReviewIndex.safeParse(readJson(indexFile));
  if (!index.success) throw new Error(`${indexFile}: ${z.prettifyError(index.error)}`);
  const inputs: ReviewInput[] = [];
  for (const d of index.data.documents) {
    if (!d.output) continue;
    const file = resolve(dir, d.output);
    const doc = ReviewDocument.safeParse(readJson(file));
    if (!doc.success) throw new Error(`${file}: ${z.prettifyError(doc.error)}`);
    inputs.push({ id: d.id, doc: doc.data });
  }
  return inputs;
}

export function reviewCommand(io: Io = processIo): Command {
  return new Command('review')
    .description('List applied corrections and open ocr-suspect diagnostics of a built corpus, grouped by rule, with context')
    .argument('<corpus-dir>', 'directory with index.json written by plancorpus build')
    .option('--rule <prefix>', 'only rules starting with this prefix, e.g. ocr/')
    .action((dir: string, opts: { rule?: string }) => {
      io.stdout(formatReview(readCorpus(dir), { rule: opts.rule }));
    });
}
