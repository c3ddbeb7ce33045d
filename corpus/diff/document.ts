/**
 * Structured diff of two versions of one document. Items are paired by content, never by their
 * generated ids: headings by an alignment over the flattened outline, paragraphs by an alignment
 * over the flattened paragraph texts, tables by number/title, indicators by seq+name, boxes by title.
 */
import type { Box, Paragraph, PlanDocument, Section } from '../../schemas/document.js';
import type { Indicator, Quantity, Table } from '../../schemas/table.js';
import { diffSequence, similarity, type SeqOp } from './align.js';
import { textEdits } from './text.js';
import {
  CATEGORIES,
  type BoxChange,
  type Category,
  type ColumnChange,
  type CountChange,
  type DiffOptions,
  type DocumentDiff,
  type FieldChange,
  type FigureChange,
  type IndicatorChange,
  type LineChange,
  type OutlineChange,
  type OutlineEntry,
  type ParagraphChange,
  type ParagraphRef,
  type QuantityRef,
  type TableChange,
  type ValueChange,
} from './types.js';

export interface ResolvedOptions {
  only: ReadonlySet<Category>;
  positions: boolean;
  alignBudget: number | undefined;
}

export function resolveOptions(o: DiffOptions = {}): ResolvedOptions {
  return { only: new Set(o.only && o.only.length ? o.only : CATEGORIES), positions: Boolean(o.positions), alignBudget: o.alignBudget };
}

/** The content part of a DocumentDiff (everything but id, source and status). */
export type DocumentContentDiff = Pick<DocumentDiff, 'meta' | 'outline' | 'paragraphs' | 'tables' | 'boxes' | 'figures' | 'messages' | 'notes'>;

export function emptyContent(): DocumentContentDiff {
  return { meta: [], outline: [], paragraphs: [], tables: [], boxes: [], figures: [], messages: [], notes: [] };
}

export function hasContentChanges(d: DocumentContentDiff): boolean {
  return d.meta.length + d.outline.length + d.paragraphs.length + d.tables.length + d.boxes.length + d.figures.length + d.messages.length > 0;
}

/** Compare two versions of a document in the categories asked for. */
export function diffDocuments(a: PlanDocument, b: PlanDocument, options: DiffOptions | ResolvedOptions = {}): DocumentContentDiff {
  const o = 'only' in options && options.only instanceof Set ? (options as ResolvedOptions) : resolveOptions(options as DiffOptions);
  const out = emptyContent();
  const ctx: Ctx = { o, notes: out.notes, secA: sectionLabels(a), secB: sectionLabels(b) };
  if (o.only.has('meta')) out.meta = diffMeta(a, b, ctx);
  if (o.only.has('outline')) out.outline = diffOutline(a, b, ctx);
  if (o.only.has('paragraphs')) out.paragraphs = diffParagraphs(a, b, ctx);
  if (o.only.has('tables')) out.tables = diffTables(a.tables, b.tables, ctx);
  if (o.only.has('boxes')) {
    out.boxes = diffBoxes(a.boxes, b.boxes, ctx);
    out.figures = diffFigures(a, b);
  }
  if (o.only.has('messages')) out.messages = diffMessages(a, b, o.positions);
  return out;
}

interface Ctx {
  o: ResolvedOptions;
  notes: string[];
  /** section id → labels path, per side */
  secA: Map<string, string[]>;
  secB: Map<string, string[]>;
}

// ---------------------------------------------------------------- helpers

const POSITION_KEYS = new Set(['source', 'map']);
const ID_KEYS = new Set(['id', 'sectionId']);

/** JSON for comparing: generated ids always left out, positions unless asked for. */
export function canon(x: unknown, positions: boolean): string {
  return JSON.stringify(x, (k, v: unknown) => (ID_KEYS.has(k) || (!positions && POSITION_KEYS.has(k)) ? undefined : v));
}

function isPlain(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Field-by-field changes between two JSON values (ids and, unless asked for, positions skipped). */
export function fieldChanges(before: unknown, after: unknown, path: string, positions: boolean, out: FieldChange[] = []): FieldChange[] {
  if (isPlain(before) && isPlain(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const k of keys) {
      if (ID_KEYS.has(k) || (!positions && POSITION_KEYS.has(k))) continue;
      fieldChanges(before[k], after[k], path ? `${path}.${k}` : k, positions, out);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((x, i) => fieldChanges(x, after[i], `${path}[${i}]`, positions, out));
    return out;
  }
  if (canon(before ?? null, positions) !== canon(after ?? null, positions)) out.push({ path, before: before ?? null, after: after ?? null });
  return out;
}

/** A heading as a label: 第一章 开启…, 一、总体要求, （一）大力发展… */
export function sectionLabel(s: { marker: string; title: string }): string {
  if (!s.marker) return s.title;
  if (!s.title) return s.marker;
  return /[、）)．.:：]$/.test(s.marker) ? `${s.marker}${s.title}` : `${s.marker} ${s.title}`;
}

function sectionLabels(doc: PlanDocument): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const walk = (secs: readonly Section[], path: string[]): void => {
    for (const s of secs) {
      const p = [...path, sectionLabel(s)];
      m.set(s.id, p);
      walk(s.children, p);
    }
  };
  walk(doc.sections, []);
  return m;
}

function note(ctx: Ctx, what: string, n: number, m: number): void {
  ctx.notes.push(`${what}: ${n} × ${m} items exceeded the alignment limit; a unique-anchor heuristic aligned them, so some changes may show as removed + added`);
}

function lineChanges(a: readonly string[], b: readonly string[], ctx: Ctx, what: string): LineChange[] {
  const { ops, exact } = diffSequence(a, b, (s) => s, { score: similarity, moves: true, budget: ctx.o.alignBudget });
  if (!exact) note(ctx, what, a.length, b.length);
  return ops
    .filter((op) => op.change !== 'equal')
    .map((op) => ({
      change: op.change as LineChange['change'],
      before: op.before,
      after: op.after,
      edits: op.change === 'changed' ? textEdits(op.before!, op.after!) : [],
    }));
}

/** Pair items in several passes of keys (each pass pairs leftovers in order); the rest are removed/added. */
function pairBy<T>(a: readonly T[], b: readonly T[], passes: Array<(t: T) => string | null>): Array<[T | null, T | null]> {
  const partner = new Array<number>(a.length).fill(-1);
  const taken = new Array<boolean>(b.length).fill(false);
  for (const key of passes) {
    const queues = new Map<string, number[]>();
    b.forEach((t, j) => {
      if (taken[j]) return;
      const k = key(t);
      if (k === null) return;
      const q = queues.get(k);
      if (q) q.push(j);
      else queues.set(k, [j]);
    });
    a.forEach((t, i) => {
      if (partner[i] >= 0) return;
      const k = key(t);
      if (k === null) return;
      const j = queues.get(k)?.shift();
      if (j === undefined) return;
      partner[i] = j;
      taken[j] = true;
    });
  }
  const res: Array<[T | null, T | null]> = a.map((t, i) => [t, partner[i] >= 0 ? b[partner[i]] : null]);
  b.forEach((t, j) => {
    if (!taken[j]) res.push([null, t]);
  });
  return res;
}

// ---------------------------------------------------------------- meta

function diffMeta(a: PlanDocument, b: PlanDocument, ctx: Ctx): FieldChange[] {
  const out: FieldChange[] = [];
  fieldChanges(a.schemaVersion, b.schemaVersion, 'schemaVersion', false, out);
  fieldChanges(a.source, b.source, 'source', false, out);
  const { toc: tocA, ...metaA } = a.meta;
  const { toc: tocB, ...metaB } = b.meta;
  fieldChanges(metaA, metaB, 'meta', ctx.o.positions, out);
  const tocLine = (e: PlanDocument['meta']['toc'][number]): string => `${sectionLabel(e)}${e.page === null ? '' : ` …${e.page}`}${ctx.o.positions ? ` @${e.source.line}:${e.source.column}` : ''}`;
  for (const c of lineChanges(tocA.map(tocLine), tocB.map(tocLine), ctx, 'table of contents')) out.push({ path: 'meta.toc', before: c.before, after: c.after });
  if ((a.frontMatter === null) !== (b.frontMatter === null)) out.push({ path: 'frontMatter', before: a.frontMatter === null ? null : 'present', after: b.frontMatter === null ? null : 'present' });
  return out;
}

// ---------------------------------------------------------------- outline

function flattenOutline(doc: PlanDocument, positions: boolean): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (secs: readonly Section[], path: string[]): void => {
    for (const s of secs) {
      const p = [...path, sectionLabel(s)];
      const e: OutlineEntry = { path: p, kind: s.kind, marker: s.marker, ordinal: s.ordinal, title: s.title, depth: s.depth, id: s.id };
      if (positions) e.source = s.source;
      out.push(e);
      walk(s.children, p);
    }
  };
  walk(doc.sections, []);
  return out;
}

function outlineScore(x: OutlineEntry, y: OutlineEntry): number {
  if (x.title === y.title) return 1; // relevelled (kind/depth changed)
  if (x.depth !== y.depth || x.kind !== y.kind) return 0;
  if (x.marker === y.marker) return 0.9; // retitled in place
  const s = similarity(x.title, y.title);
  return s >= 0.5 ? s * 0.8 : 0; // retitled and renumbered
}

function outlineWhat(x: OutlineEntry, y: OutlineEntry, positions: boolean): string[] {
  const what: string[] = [];
  if (x.title !== y.title) what.push('title');
  if (x.marker !== y.marker) what.push('marker');
  if (x.ordinal !== y.ordinal) what.push('ordinal');
  if (x.kind !== y.kind) what.push('kind');
  if (x.depth !== y.depth) what.push('depth');
  if (positions && canon(x.source, true) !== canon(y.source, true)) what.push('source');
  return what;
}

function diffOutline(a: PlanDocument, b: PlanDocument, ctx: Ctx): OutlineChange[] {
  const fa = flattenOutline(a, ctx.o.positions);
  const fb = flattenOutline(b, ctx.o.positions);
  // key without the marker: a renumbered heading still aligns, and shows as a marker change
  const { ops, exact } = diffSequence(fa, fb, (e) => `${e.depth}\u0000${e.kind}\u0000${e.title}`, { score: outlineScore, threshold: 0.4, budget: ctx.o.alignBudget });
  if (!exact) note(ctx, 'outline', fa.length, fb.length);
  const out: OutlineChange[] = [];
  for (const op of ops) {
    if (op.change === 'equal' || op.change === 'changed') {
      const what = outlineWhat(op.before!, op.after!, ctx.o.positions);
      if (what.length) out.push({ change: 'changed', what, before: op.before, after: op.after });
    } else out.push({ change: op.change === 'moved' ? 'changed' : op.change, what: [], before: op.before, after: op.after });
  }
  return out;
}

// ---------------------------------------------------------------- paragraphs

interface FlatParagraph {
  ref: ParagraphRef;
  p: Paragraph;
}

function flattenParagraphs(doc: PlanDocument, positions: boolean): FlatParagraph[] {
  const out: FlatParagraph[] = [];
  const add = (ps: readonly Paragraph[], section: string[]): void => {
    ps.forEach((p, k) => {
      const ref: ParagraphRef = { section, index: k + 1, id: p.id, kind: p.kind, text: p.text };
      if (positions) ref.source = p.source;
      out.push({ ref, p });
    });
  };
  if (doc.frontMatter) add(doc.frontMatter.paragraphs, ['(front matter)']);
  add(doc.paragraphs, ['(before first heading)']);
  const walk = (secs: readonly Section[], path: string[]): void => {
    for (const s of secs) {
      const p = [...path, sectionLabel(s)];
      add(s.paragraphs, p);
      walk(s.children, p);
    }
  };
  walk(doc.sections, []);
  return out;
}

function paragraphWhat(x: Paragraph, y: Paragraph, positions: boolean): string[] {
  const what: string[] = [];
  if (x.text !== y.text) what.push('text');
  if (x.kind !== y.kind) what.push('kind');
  if (canon(x.emphasis, positions) !== canon(y.emphasis, positions)) what.push('emphasis');
  if (positions && canon(x.source, true) !== canon(y.source, true)) what.push('source');
  if (positions && canon(x.map, true) !== canon(y.map, true)) what.push('map');
  return what;
}

function diffParagraphs(a: PlanDocument, b: PlanDocument, ctx: Ctx): ParagraphChange[] {
  const fa = flattenParagraphs(a, ctx.o.positions);
  const fb = flattenParagraphs(b, ctx.o.positions);
  const { ops, exact } = diffSequence(fa, fb, (f) => f.p.text, {
    score: (x, y) => similarity(x.p.text, y.p.text),
    threshold: 0.5,
    moves: true,
    budget: ctx.o.alignBudget,
  });
  if (!exact) note(ctx, 'paragraphs', fa.length, fb.length);
  const out: ParagraphChange[] = [];
  for (const op of ops as Array<SeqOp<FlatParagraph>>) {
    const x = op.before;
    const y = op.after;
    if (op.change === 'added' || op.change === 'removed') {
      out.push({ change: op.change, what: [], before: x?.ref ?? null, after: y?.ref ?? null, edits: [] });
      continue;
    }
    const what = paragraphWhat(x!.p, y!.p, ctx.o.positions);
    if (op.change === 'moved') out.push({ change: 'moved', what, before: x!.ref, after: y!.ref, edits: [] });
    else if (what.length) out.push({ change: 'changed', what, before: x!.ref, after: y!.ref, edits: what.includes('text') ? textEdits(x!.p.text, y!.p.text) : [] });
  }
  return out;
}

// ---------------------------------------------------------------- tables

function quantityRef(q: Quantity, positions: boolean): QuantityRef {
  const r: QuantityRef = { raw: q.raw, kind: q.kind, value: q.value ?? null, qualifier: q.qualifier ?? null };
  if (q.denominator !== undefined) r.denominator = q.denominator;
  if (q.text !== undefined) r.text = q.text;
  if (q.merged !== undefined) r.merged = q.merged;
  if (q.period !== undefined) r.period = q.period;
  if (positions && q.source !== undefined) r.source = q.source;
  return r;
}

function diffValues(x: Indicator, y: Indicator, headers: Map<string, string>, positions: boolean): ValueChange[] {
  const keys = [...Object.keys(x.values), ...Object.keys(y.values).filter((k) => !(k in x.values))];
  const out: ValueChange[] = [];
  for (const column of keys) {
    const qa = x.values[column];
    const qb = y.values[column];
    const ra = qa ? quantityRef(qa, positions) : null;
    const rb = qb ? quantityRef(qb, positions) : null;
    let what: string[];
    if (ra && rb) {
      what = fieldChanges(ra, rb, '', positions).map((f) => f.path.split('.')[0]);
      what = [...new Set(what)];
      if (!what.length) continue;
    } else if (ra || rb) what = ['presence'];
    else continue;
    out.push({ column, header: headers.get(column) ?? null, before: ra, after: rb, what });
  }
  return out;
}

const INDICATOR_FIELDS = ['seq', 'name', 'category', 'unit', 'unitNote', 'parent', 'attribute', 'attributeText'] as const;

function indicatorRef(i: Indicator): IndicatorChange['before'] {
  return { seq: i.seq, name: i.name, unit: i.unit, id: i.id };
}

function diffIndicators(a: Table, b: Table, positions: boolean): IndicatorChange[] {
  const headers = new Map<string, string>([...a.columns, ...b.columns].map((c) => [c.key, c.header]));
  const out: IndicatorChange[] = [];
  const pairs = pairBy(a.indicators, b.indicators, [(i) => `${i.seq}\u0000${i.name}`, (i) => i.name, (i) => i.seq]);
  for (const [x, y] of pairs) {
    if (!x || !y) {
      out.push({ change: x ? 'removed' : 'added', before: x ? indicatorRef(x) : null, after: y ? indicatorRef(y) : null, fields: [], values: [] });
      continue;
    }
    const fields: FieldChange[] = [];
    for (const f of INDICATOR_FIELDS) fieldChanges(x[f], y[f], f, positions, fields);
    if (positions) fieldChanges(x.source, y.source, 'source', true, fields);
    const values = diffValues(x, y, headers, positions);
    if (fields.length || values.length) out.push({ change: 'changed', before: indicatorRef(x), after: indicatorRef(y), fields, values });
  }
  return out;
}

function diffColumns(a: Table, b: Table): ColumnChange[] {
  const out: ColumnChange[] = [];
  for (const [x, y] of pairBy(a.columns, b.columns, [(c) => c.key])) {
    if (!x || !y) out.push({ change: x ? 'removed' : 'added', key: (x ?? y)!.key, header: (x ?? y)!.header, fields: [] });
    else {
      const fields = fieldChanges(x, y, '', false);
      if (fields.length) out.push({ change: 'changed', key: x.key, header: y.header, fields });
    }
  }
  return out;
}

function tableRef(t: Table, secs: Map<string, string[]>): TableChange['before'] {
  return { number: t.number, title: t.title, kind: t.kind, section: t.sectionId ? (secs.get(t.sectionId) ?? []) : [], id: t.id, indicators: t.indicators.length };
}

function rowsSpan(t: Table): string {
  if (!t.rawRows.length) return 'no rows';
  const first = t.rawRows[0].source;
  const last = t.rawRows[t.rawRows.length - 1].source;
  return `${t.rawRows.length} rows, lines ${first.line}-${last.endLine}, offsets ${first.offset}-${last.endOffset}`;
}

function diffTables(a: readonly Table[], b: readonly Table[], ctx: Ctx): TableChange[] {
  const pos = ctx.o.positions;
  const out: TableChange[] = [];
  const pairs = pairBy(a, b, [(t) => `${t.number}\u0000${t.title}`, (t) => (t.title ? t.title : null), (t) => (t.number === null ? null : String(t.number))]);
  for (const [x, y] of pairs) {
    if (!x || !y) {
      out.push({ change: x ? 'removed' : 'added', before: x ? tableRef(x, ctx.secA) : null, after: y ? tableRef(y, ctx.secB) : null, fields: [], columns: [], indicators: [], notes: [], rows: [] });
      continue;
    }
    const fields: FieldChange[] = [];
    for (const f of ['number', 'title', 'kind'] as const) fieldChanges(x[f], y[f], f, pos, fields);
    if (pos) fieldChanges(x.source, y.source, 'source', true, fields);
    const columns = diffColumns(x, y);
    const indicators = diffIndicators(x, y, pos);
    const notes = lineChanges(x.notes.map((n) => n.text), y.notes.map((n) => n.text), ctx, `notes of table ${x.title}`);
    const rows = lineChanges(x.rawRows.map((r) => r.text), y.rawRows.map((r) => r.text), ctx, `rows of table ${x.title}`);
    if (pos && rows.length === 0 && canon(x.rawRows, true) !== canon(y.rawRows, true)) fields.push({ path: 'rawRows', before: rowsSpan(x), after: rowsSpan(y) });
    if (fields.length || columns.length || indicators.length || notes.length || rows.length) {
      out.push({ change: 'changed', before: tableRef(x, ctx.secA), after: tableRef(y, ctx.secB), fields, columns, indicators, notes, rows });
    }
  }
  return out;
}

// ---------------------------------------------------------------- boxes and figures

function boxRef(x: Box, secs: Map<string, string[]>): BoxChange['before'] {
  return { title: x.title, section: x.sectionId ? (secs.get(x.sectionId) ?? []) : [], id: x.id, items: x.items.length };
}

function boxLines(x: Box, positions: boolean): string[] {
  if (!x.items.length) return x.text ? [x.text] : [];
  return x.items.map((it) => `${it.ordinal === null ? '' : `${it.ordinal}. `}${it.title === null ? '' : `${it.title}：`}${it.text}${positions ? ` @${it.source.line}:${it.source.column}` : ''}`);
}

function diffBoxes(a: readonly Box[], b: readonly Box[], ctx: Ctx): BoxChange[] {
  const out: BoxChange[] = [];
  for (const [x, y] of pairBy(a, b, [(t) => t.title])) {
    if (!x || !y) {
      out.push({ change: x ? 'removed' : 'added', before: x ? boxRef(x, ctx.secA) : null, after: y ? boxRef(y, ctx.secB) : null, fields: [], items: [] });
      continue;
    }
    const fields: FieldChange[] = [];
    if (ctx.o.positions) fieldChanges(x.source, y.source, 'source', true, fields);
    const items = lineChanges(boxLines(x, ctx.o.positions), boxLines(y, ctx.o.positions), ctx, `items of box ${x.title}`);
    if (fields.length || items.length) out.push({ change: 'changed', before: boxRef(x, ctx.secA), after: boxRef(y, ctx.secB), fields, items });
  }
  return out;
}

function diffFigures(a: PlanDocument, b: PlanDocument): FigureChange[] {
  const out: FigureChange[] = [];
  for (const [x, y] of pairBy(a.figures, b.figures, [(f) => f.title])) {
    if (x && !y) out.push({ change: 'removed', title: x.title, id: x.id });
    if (!x && y) out.push({ change: 'added', title: y.title, id: y.id });
  }
  return out;
}

// ---------------------------------------------------------------- messages

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

function countChanges(type: CountChange['type'], a: Map<string, number>, b: Map<string, number>): CountChange[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.filter((k) => (a.get(k) ?? 0) !== (b.get(k) ?? 0)).map((key) => ({ type, key, before: a.get(key) ?? 0, after: b.get(key) ?? 0 }));
}

function diffMessages(a: PlanDocument, b: PlanDocument, positions: boolean): CountChange[] {
  const out = [
    ...countChanges('correction', countBy(a.corrections, (c) => c.rule), countBy(b.corrections, (c) => c.rule)),
    ...countChanges('diagnostic', countBy(a.diagnostics, (d) => d.code), countBy(b.diagnostics, (d) => d.code)),
    ...countChanges('removal', countBy(a.removals, (r) => r.rule), countBy(b.removals, (r) => r.rule)),
  ];
  if (positions) {
    const acc = (d: PlanDocument): Map<string, number> =>
      new Map([['rawChars', d.accounting.rawChars], ['textChars', d.accounting.textChars], ...Object.entries(d.accounting.removedChars).map(([k, v]) => [`removedChars.${k}`, v] as [string, number])]);
    out.push(...countChanges('accounting', acc(a), acc(b)));
  }
  return out;
}
