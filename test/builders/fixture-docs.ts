/**
 * Small, schema-valid PlanDocuments from a compact description, for the diff tests. Every item
 * gets its own raw line, in document order, so positions are realistic but simple.
 */
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type HeadingKind, type Paragraph, type PlanDocument, type Section } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';
import type { Indicator, Table } from '../../schemas/table.js';

export interface SectionSpec {
  kind?: HeadingKind;
  marker?: string;
  ordinal?: number | null;
  title: string;
  paragraphs?: string[];
  children?: SectionSpec[];
}

export interface TableSpec {
  number: number | null;
  title: string;
  /** value column keys, e.g. base-2020, target-2025 */
  columns: string[];
  indicators: Array<{ seq: string; name: string; unit?: string | null; values: Record<string, number | string> }>;
}

export interface DocSpec {
  id: string;
  title?: string | null;
  paragraphs?: string[];
  sections: SectionSpec[];
  tables?: TableSpec[];
  boxes?: Array<{ title: string; items: string[] }>;
  /** correction rules, one correction each */
  corrections?: string[];
  /** diagnostic codes, one warning each */
  diagnostics?: string[];
  /** first raw line (shift everything to simulate an edit above) */
  firstLine?: number;
}

export function makeDoc(spec: DocSpec): PlanDocument {
  let line = (spec.firstLine ?? 1) - 1;
  const span = (length = 10): SourceSpan => {
    line++;
    const offset = line * 100;
    return { line, column: 0, endLine: line, endColumn: length, offset, endOffset: offset + length };
  };
  let pid = 0;
  const para = (text: string): Paragraph => {
    const source = span(text.length);
    return { id: `p-${++pid}`, kind: 'paragraph', text, emphasis: [], source, map: [[0, source.offset]] };
  };
  let sid = 0;
  const section = (s: SectionSpec, depth: number): Section => {
    const id = `sec-${++sid}`;
    const source = span();
    return {
      id,
      kind: s.kind ?? (depth === 1 ? 'chapter' : depth === 2 ? 'cn-enum' : 'cn-paren-enum'),
      marker: s.marker ?? '',
      ordinal: s.ordinal ?? null,
      title: s.title,
      depth,
      source,
      paragraphs: (s.paragraphs ?? []).map(para),
      boxes: [],
      tables: [],
      figures: [],
      children: (s.children ?? []).map((c) => section(c, depth + 1)),
    };
  };
  const paragraphs = (spec.paragraphs ?? []).map(para);
  const sections = spec.sections.map((s) => section(s, 1));
  const tables = (spec.tables ?? []).map((t, k): Table => {
    const id = `table-${k + 1}`;
    const indicators = t.indicators.map((ind): Indicator => {
      const values: Indicator['values'] = {};
      for (const [key, v] of Object.entries(ind.values)) values[key] = typeof v === 'number' ? { raw: String(v), kind: 'number', value: v, source: span() } : { raw: v, kind: 'text', text: v, source: span() };
      return { id: `${id}-${ind.seq}`, seq: ind.seq, category: null, name: ind.name, unit: ind.unit ?? null, unitNote: null, parent: null, values, attribute: null, attributeText: null, source: span() };
    });
    return {
      id,
      number: t.number,
      title: t.title,
      sectionId: null,
      source: span(),
      notes: [],
      rawRows: [],
      kind: 'indicators',
      columns: t.columns.map((key) => ({ key, header: key, role: key.startsWith('target') ? 'target' : key.startsWith('base') ? 'base' : 'other', year: Number(key.split('-')[1]) || null })),
      indicators,
    };
  });
  const boxes = (spec.boxes ?? []).map((b, k) => ({
    id: `box-${k + 1}`,
    title: b.title,
    sectionId: null,
    source: span(),
    items: b.items.map((text, i) => ({ ordinal: i + 1, title: null, text, source: span() })),
    text: b.items.join('\n'),
  }));
  const sha = createHash('sha256').update(spec.id).digest('hex');
  return {
    schemaVersion: SCHEMA_VERSION,
    id: spec.id,
    source: { path: `${spec.id}.txt`, sha256: sha, bytes: 1000, encoding: 'utf-8', format: 'txt' },
    meta: {
      title: spec.title ?? null,
      docType: 'five-year-plan',
      region: { province: '河南省', city: '平顶山市', county: null, code: null },
      period: { start: 2021, end: 2025 },
      year: null,
      date: null,
      speaker: null,
      issuer: null,
      toc: [],
      evidence: { title: null, docType: null, region: null, period: null, year: null, date: null, speaker: null, issuer: null },
    },
    frontMatter: null,
    paragraphs,
    sections,
    boxes,
    tables,
    figures: [],
    facts: [],
    pages: [],
    corrections: (spec.corrections ?? []).map((rule) => ({ stage: 'normalize', rule, from: 'a', to: 'b', source: span(1), evidence: {} })),
    removals: [],
    diagnostics: (spec.diagnostics ?? []).map((code) => ({ severity: 'warning', code, message: code, stage: 'segment', rule: 'numbering', source: null })),
    accounting: { rawChars: 1000, textChars: 900, removedChars: {} },
  };
}
