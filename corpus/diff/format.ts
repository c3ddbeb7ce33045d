/** Text and JSON renderings of a CorpusDiff. */
import type { SourceSpan } from '../../schemas/source.js';
import { renderEdit } from './text.js';
import { CATEGORIES, type CorpusDiff, type DocumentDiff, type FieldChange, type LineChange, type OutlineEntry, type ParagraphRef, type QuantityRef, type TextEdit } from './types.js';
import { pushAll } from '../../core/arrays.js';

/** The CorpusDiff as JSON (keys in the order the diff builds them), with a trailing newline. */
export function formatDiffJson(diff: CorpusDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

const MAX_EDITS = 6;

function preview(s: string, n = 60): string {
  const cps = Array.from(s);
  return `«${cps.length > n ? `${cps.slice(0, n).join('')}…` : s}»`;
}

function value(x: unknown): string {
  if (x === null || x === undefined) return '∅';
  const s = typeof x === 'string' ? JSON.stringify(x) : JSON.stringify(x);
  return s.length > 100 ? `${s.slice(0, 99)}…` : s;
}

function field(f: FieldChange): string {
  return `${f.path}: ${value(f.before)} → ${value(f.after)}`;
}

function quantity(q: QuantityRef | null): string {
  if (!q) return '∅';
  return q.value !== null && String(q.value) !== q.raw ? `${q.raw} (${q.value})` : q.raw;
}

function pathLabel(path: readonly string[]): string {
  return path.join(' › ');
}

/** ` @line:column`; when the other side starts at the same place, the end too (and the offsets if needed) */
function at(s: SourceSpan | undefined, other?: SourceSpan): string {
  if (!s) return '';
  let r = ` @${s.line}:${s.column}`;
  if (other && other.line === s.line && other.column === s.column) {
    r += `-${s.endLine}:${s.endColumn}`;
    if (other.endLine === s.endLine && other.endColumn === s.endColumn) r += ` (offsets ${s.offset}-${s.endOffset})`;
  }
  return r;
}

function paraLabel(p: ParagraphRef, other?: ParagraphRef | null): string {
  return `${pathLabel(p.section)} ¶${p.index}${at(p.source, other?.source)}`;
}

function outlineLabel(e: OutlineEntry, other?: OutlineEntry | null): string {
  return `${pathLabel(e.path)}${at(e.source, other?.source)}`;
}

function edits(lines: string[], es: readonly TextEdit[], whole: string, indent: string): void {
  for (const e of es.slice(0, MAX_EDITS)) lines.push(`${indent}${renderEdit(e, whole)}`);
  if (es.length > MAX_EDITS) lines.push(`${indent}… ${es.length - MAX_EDITS} more edit(s)`);
}

function lineChanges(lines: string[], cs: readonly LineChange[], label: string, indent: string): void {
  for (const c of cs) {
    if (c.change === 'changed') {
      lines.push(`${indent}~ ${label}`);
      edits(lines, c.edits, c.before!, `${indent}    `);
    } else if (c.change === 'moved') lines.push(`${indent}> ${label} moved: ${preview(c.before!)}`);
    else lines.push(`${indent}${c.change === 'added' ? '+' : '-'} ${label} ${preview((c.before ?? c.after)!)}`);
  }
}

const OUTLINE_WORDS: Record<string, string> = { title: 'retitled', marker: 'renumbered', ordinal: 'renumbered', kind: 'relevelled', depth: 'relevelled', source: 'position' };

/** One document's changes, indented, without the header line. */
export function formatDocumentDiff(d: DocumentDiff): string[] {
  const lines: string[] = [];
  if (d.status) {
    const err = (e: { code: string; message: string } | null): string => (e ? ` (${e.code}: ${e.message})` : '');
    lines.push(`  status: ${d.status.before}${err(d.status.errorBefore)} → ${d.status.after}${err(d.status.errorAfter)}`);
  }
  if (d.meta.length) {
    lines.push('  meta:');
    for (const f of d.meta) lines.push(`    ~ ${field(f)}`);
  }
  if (d.outline.length) {
    lines.push('  outline:');
    for (const c of d.outline) {
      if (c.change === 'changed') {
        const words = [...new Set(c.what.map((w) => OUTLINE_WORDS[w] ?? w))].join(', ');
        lines.push(`    ~ ${words}: ${outlineLabel(c.before!, c.after)} → ${c.after!.path[c.after!.path.length - 1]}${at(c.after!.source, c.before!.source)}`);
      } else lines.push(`    ${c.change === 'added' ? '+' : '-'} ${outlineLabel((c.before ?? c.after)!)}`);
    }
  }
  if (d.paragraphs.length) {
    lines.push('  paragraphs:');
    for (const c of d.paragraphs) {
      if (c.change === 'changed') {
        const extra = c.what.filter((w) => w !== 'text');
        lines.push(`    ~ ${paraLabel(c.before!, c.after)}${extra.length ? ` [${extra.join(', ')}]` : ''}${c.after!.source ? ` →${at(c.after!.source, c.before!.source)}` : ''}`);
        edits(lines, c.edits, c.before!.text, '        ');
      } else if (c.change === 'moved') lines.push(`    > moved ${paraLabel(c.before!, c.after)} → ${paraLabel(c.after!, c.before)}: ${preview(c.before!.text)}`);
      else lines.push(`    ${c.change === 'added' ? '+' : '-'} ${paraLabel((c.before ?? c.after)!)}: ${preview((c.before ?? c.after)!.text)}`);
    }
  }
  if (d.tables.length) {
    lines.push('  tables:');
    for (const t of d.tables) {
      const ref = (t.after ?? t.before)!;
      const name = `${ref.number === null ? '表' : `表${ref.number}`} ${ref.title}`;
      if (t.change !== 'changed') {
        lines.push(`    ${t.change === 'added' ? '+' : '-'} ${name} (${ref.indicators} indicator(s))`);
        continue;
      }
      lines.push(`    ~ ${name}`);
      for (const f of t.fields) lines.push(`        ~ ${field(f)}`);
      for (const c of t.columns) {
        if (c.change === 'changed') lines.push(`        ~ column ${c.key}: ${c.fields.map(field).join('; ')}`);
        else lines.push(`        ${c.change === 'added' ? '+' : '-'} column ${c.key} ${c.header}`);
      }
      for (const i of t.indicators) {
        const r = (i.after ?? i.before)!;
        const who = `${r.seq} ${r.name}`;
        if (i.change !== 'changed') {
          lines.push(`        ${i.change === 'added' ? '+' : '-'} indicator ${who}${r.unit ? ` (${r.unit})` : ''}`);
          continue;
        }
        for (const f of i.fields) lines.push(`        ~ ${who}: ${field(f)}`);
        for (const v of i.values) {
          const what = v.what.filter((w) => w !== 'raw' && w !== 'value');
          lines.push(`        ~ ${who} · ${v.column}${v.header && v.header !== v.column ? ` (${v.header})` : ''}: ${quantity(v.before)} → ${quantity(v.after)}${what.length ? ` [${what.join(', ')}]` : ''}`);
        }
      }
      lineChanges(lines, t.notes, 'note', '        ');
      // row edits of an indicator table repeat its indicator changes: then only their count
      if (t.indicators.length === 0) lineChanges(lines, t.rows, 'row', '        ');
      else if (t.rows.length) lines.push(`        ~ ${t.rows.length} raw row change(s) (details in --format json)`);
    }
  }
  if (d.boxes.length || d.figures.length) {
    lines.push('  boxes:');
    for (const b of d.boxes) {
      const ref = (b.after ?? b.before)!;
      if (b.change !== 'changed') {
        lines.push(`    ${b.change === 'added' ? '+' : '-'} ${ref.title} (${ref.items} item(s))`);
        continue;
      }
      lines.push(`    ~ ${ref.title}`);
      for (const f of b.fields) lines.push(`        ~ ${field(f)}`);
      lineChanges(lines, b.items, 'item', '        ');
    }
    for (const f of d.figures) lines.push(`    ${f.change === 'added' ? '+' : '-'} figure ${f.title}`);
  }
  if (d.messages.length) {
    lines.push('  messages:');
    for (const m of d.messages) lines.push(`    ${m.type} ${m.key}: ${m.before} → ${m.after}`);
  }
  for (const n of d.notes) lines.push(`  note: ${n}`);
  return lines;
}

export interface TextFormatOptions {
  /** only the ids of the documents that differ */
  quiet?: boolean;
}

/** The human summary. */
export function formatDiffText(diff: CorpusDiff, opts: TextFormatOptions = {}): string {
  const lines: string[] = [];
  const s = diff.summary;
  if (opts.quiet) {
    for (const x of diff.added) lines.push(`added    ${x.id}`);
    for (const x of diff.removed) lines.push(`removed  ${x.id}`);
    for (const d of diff.documents) lines.push(`${d.status ? 'status ' : 'changed '} ${d.id}`);
    return lines.length ? `${lines.join('\n')}\n` : '';
  }
  const side = (tag: string, c: CorpusDiff['a']): string => `${tag} ${c.label} (plancorpus ${c.tool}, ${c.documents} document(s))`;
  lines.push(side('---', diff.a), side('+++', diff.b));
  const scope = diff.options.only.length < CATEGORIES.length ? ` in ${diff.options.only.join(',')}` : '';
  const pos = diff.options.positions ? ' (positions compared)' : '';
  if (diff.identical) {
    lines.push(`identical: ${s.compared} document(s) compared, no differences${scope}${pos}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${s.compared} compared: ${s.changed} changed, ${s.unchanged} unchanged; ${s.added} added, ${s.removed} removed; ${s.statusChanged} status change(s)${scope}${pos}`);
  for (const x of diff.added) lines.push(`+ added    ${x.id} (${x.source}${x.status === 'failed' ? ', failed' : ''})`);
  for (const x of diff.removed) lines.push(`- removed  ${x.id} (${x.source}${x.status === 'failed' ? ', failed' : ''})`);
  for (const d of diff.documents) {
    lines.push('', `== ${d.id} (${d.source.before === d.source.after ? d.source.before : `${d.source.before} → ${d.source.after}`})`);
    pushAll(lines, formatDocumentDiff(d));
  }
  return `${lines.join('\n')}\n`;
}
