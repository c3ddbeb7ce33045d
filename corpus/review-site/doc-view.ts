/**
 * One document as the review page shows it (pure): the outline with counts, boxes, indicator tables
 * with typed values, facts, links, corrections and warnings, each with its raw span, and the raw text
 * the spans point into. Plain data, embedded in the page as `window.__DOC__ = …`.
 */
import type { PlanDocument, Section } from '../../schemas/document.js';
import type { Link } from '../../schemas/link.js';
import type { SourceSpan } from '../../schemas/source.js';
import type { IndexEntry } from '../../schemas/corpus.js';
import { acceptEntry, rejectEntry, type RulesEntry } from './rules-entry.js';

export interface OutlineNode {
  id: string;
  label: string;
  span: SourceSpan;
  counts: { paragraphs: number; boxes: number; tables: number; facts: number };
  children: OutlineNode[];
}

export interface DocView {
  id: string;
  title: string;
  facts: PlanDocument['facts'];
  meta: { docType: string; region: string; year: number | null; period: string | null; date: string | null; issuer: string | null; path: string; format: string };
  /** the raw text every span points into; null when it could not be read (rawNote says why) */
  raw: string | null;
  rawNote: string | null;
  outline: OutlineNode[];
  boxes: PlanDocument['boxes'];
  tables: Array<Pick<PlanDocument['tables'][number], 'id' | 'number' | 'title' | 'kind' | 'columns' | 'indicators' | 'notes' | 'source'> & { rows: Array<{ text: string; source: SourceSpan }> }>;
  links: Link[];
  corrections: Array<{ key: string; rule: string; from: string; to: string; context: string; span: SourceSpan; entry: RulesEntry | null }>;
  warnings: Array<{ key: string; code: string; rule: string; severity: string; message: string; span: SourceSpan | null; entry: RulesEntry | null }>;
}

export function regionText(r: PlanDocument['meta']['region']): string {
  return [r.province, r.city, r.county].filter((x): x is string => Boolean(x)).filter((x, i, a) => a.indexOf(x) === i).join(' ');
}

function outlineOf(sections: Section[], facts: PlanDocument['facts']): OutlineNode[] {
  return sections.map((s) => ({
    id: s.id,
    label: [s.marker, s.title].filter(Boolean).join(' '),
    span: s.source,
    counts: { paragraphs: s.paragraphs.length, boxes: s.boxes.length, tables: s.tables.length, facts: facts.filter((f) => f.sectionId === s.id).length },
    children: outlineOf(s.children, facts),
  }));
}

const at = (s: SourceSpan | null) => (s ? `L${s.line}:${s.column}` : '-');

export function docView(doc: PlanDocument, raw: { text: string | null; note: string | null }, links: readonly Link[]): DocView {
  const m = doc.meta;
  return {
    id: doc.id,
    title: m.title ?? doc.id,
    meta: {
      docType: m.docType,
      region: regionText(m.region),
      year: m.year,
      period: m.period ? `${m.period.start}–${m.period.end}` : null,
      date: m.date,
      issuer: m.issuer,
      path: doc.source.path,
      format: doc.source.format,
    },
    raw: raw.text,
    rawNote: raw.note,
    outline: outlineOf(doc.sections, doc.facts),
    boxes: doc.boxes,
    tables: doc.tables.map((t) => ({
      id: t.id, number: t.number, title: t.title, kind: t.kind, columns: t.columns, indicators: t.indicators, notes: t.notes, source: t.source,
      rows: t.rawRows.map((r) => ({ text: r.text, source: r.source })),
    })),
    facts: doc.facts,
    links: links.filter((l) => l.target.docId === doc.id || l.reported.docId === doc.id),
    corrections: doc.corrections.map((c, i) => ({
      key: `${doc.id}#c${i}`,
      rule: c.rule,
      from: c.from,
      to: c.to,
      context: typeof c.evidence.context === 'string' ? c.evidence.context : '',
      span: c.source,
      entry: rejectEntry(c, `${doc.id} ${at(c.source)}`),
    })),
    warnings: doc.diagnostics
      .filter((d) => d.severity !== 'info' || d.code === 'ocr-suspect')
      .map((d, i) => ({ key: `${doc.id}#w${i}`, code: d.code, rule: d.rule, severity: d.severity, message: d.message, span: d.source, entry: acceptEntry(d, `${doc.id} ${at(d.source)}`) })),
  };
}

/** One row of the corpus index page. */
export interface IndexRow {
  id: string;
  source: string;
  status: IndexEntry['status'];
  error: IndexEntry['error'];
  warnings: number;
  title: string | null;
  region: string;
  docType: string | null;
  year: number | null;
  counts: { sections: number; boxes: number; tables: number; facts: number; corrections: number } | null;
  page: string | null;
}

function countSections(sections: Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

export function indexRow(entry: IndexEntry, doc: PlanDocument | null, page: string | null): IndexRow {
  return {
    id: entry.id,
    source: entry.source,
    status: entry.status,
    error: entry.error,
    warnings: entry.warnings,
    title: doc?.meta.title ?? null,
    region: doc ? regionText(doc.meta.region) : '',
    docType: doc?.meta.docType ?? null,
    year: doc?.meta.year ?? null,
    counts: doc ? { sections: countSections(doc.sections), boxes: doc.boxes.length, tables: doc.tables.length, facts: doc.facts.length, corrections: doc.corrections.length } : null,
    page,
  };
}
