/**
 * The shape of a corpus diff (`plancorpus diff --format json`). Objects are built with a fixed key
 * order, so the JSON is deterministic for the same inputs. Generated ids (sec-3, p-12, table-2-1)
 * are shown to help find an item but never used to pair items; source positions are left out
 * unless the diff was asked for them (positions: true).
 */
import type { HeadingKind } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';

export const CATEGORIES = ['meta', 'outline', 'paragraphs', 'tables', 'boxes', 'messages'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface DiffOptions {
  /** categories to compare (default: all) */
  only?: readonly Category[];
  /** also compare source positions (spans, offset maps) and character accounting */
  positions?: boolean;
  /** work budget of one alignment before the heuristic takes over (see align.ts) */
  alignBudget?: number;
}

export type Change = 'added' | 'removed' | 'changed';

/** A changed scalar (or a whole array that changed length); absent values are null. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface TextEdit {
  /** UTF-16 offset of the edit in the text before */
  at: number;
  removed: string;
  added: string;
  /** a little unchanged text either side, from the text before */
  left: string;
  right: string;
}

export interface OutlineEntry {
  /** labels (marker + title) from the top-level section down to this one */
  path: string[];
  kind: HeadingKind;
  marker: string;
  ordinal: number | null;
  title: string;
  depth: number;
  id: string;
  source?: SourceSpan;
}

/** what changed for a 'changed' heading: title (retitled), marker/ordinal (renumbered), kind/depth (relevelled), source */
export interface OutlineChange {
  change: Change;
  what: string[];
  before: OutlineEntry | null;
  after: OutlineEntry | null;
}

export interface ParagraphRef {
  /** labels of the enclosing sections; ['(front matter)'] or ['(before first heading)'] outside sections */
  section: string[];
  /** 1-based position among the paragraphs of that section */
  index: number;
  id: string;
  kind: 'paragraph' | 'list-item';
  text: string;
  source?: SourceSpan;
}

/** 'moved': the same text removed in one place and added in another; what lists text, kind, emphasis, source */
export interface ParagraphChange {
  change: Change | 'moved';
  what: string[];
  before: ParagraphRef | null;
  after: ParagraphRef | null;
  edits: TextEdit[];
}

/** A line of text in a list compared by content (table notes and rows, box items, toc entries). */
export interface LineChange {
  change: Change | 'moved';
  before: string | null;
  after: string | null;
  edits: TextEdit[];
}

export interface QuantityRef {
  raw: string;
  kind: string;
  value: number | null;
  qualifier: string | null;
  [extra: string]: unknown;
}

export interface ValueChange {
  column: string;
  header: string | null;
  before: QuantityRef | null;
  after: QuantityRef | null;
  /** fields of the quantity that changed: raw, kind, value, qualifier … */
  what: string[];
}

export interface IndicatorRef {
  seq: string;
  name: string;
  unit: string | null;
  id: string;
}

export interface IndicatorChange {
  change: Change;
  before: IndicatorRef | null;
  after: IndicatorRef | null;
  fields: FieldChange[];
  values: ValueChange[];
}

export interface ColumnChange {
  change: Change;
  key: string;
  fields: FieldChange[];
  header: string;
}

export interface TableRef {
  number: number | null;
  title: string;
  kind: string;
  section: string[];
  id: string;
  indicators: number;
}

export interface TableChange {
  change: Change;
  before: TableRef | null;
  after: TableRef | null;
  fields: FieldChange[];
  columns: ColumnChange[];
  indicators: IndicatorChange[];
  notes: LineChange[];
  /** changes to the text of the table's raw rows (the text format details them only for tables without indicators) */
  rows: LineChange[];
}

export interface BoxRef {
  title: string;
  section: string[];
  id: string;
  items: number;
}

export interface BoxChange {
  change: Change;
  before: BoxRef | null;
  after: BoxRef | null;
  fields: FieldChange[];
  items: LineChange[];
}

export interface FigureChange {
  change: 'added' | 'removed';
  title: string;
  id: string;
}

export interface CountChange {
  type: 'correction' | 'diagnostic' | 'removal' | 'accounting';
  /** correction or removal rule, diagnostic code, accounting field */
  key: string;
  before: number;
  after: number;
}

export interface StatusChange {
  before: 'ok' | 'failed';
  after: 'ok' | 'failed';
  errorBefore: { code: string; message: string } | null;
  errorAfter: { code: string; message: string } | null;
}

export interface DocumentDiff {
  id: string;
  source: { before: string; after: string };
  status: StatusChange | null;
  meta: FieldChange[];
  outline: OutlineChange[];
  paragraphs: ParagraphChange[];
  tables: TableChange[];
  boxes: BoxChange[];
  figures: FigureChange[];
  messages: CountChange[];
  /** e.g. that an alignment fell back to the heuristic */
  notes: string[];
}

export interface DocumentRef {
  id: string;
  source: string;
  status: 'ok' | 'failed';
}

export interface CorpusSide {
  label: string;
  tool: string;
  documents: number;
}

export interface CorpusDiff {
  a: CorpusSide;
  b: CorpusSide;
  options: { only: Category[]; positions: boolean };
  identical: boolean;
  summary: {
    /** documents in both corpora */
    compared: number;
    changed: number;
    unchanged: number;
    added: number;
    removed: number;
    statusChanged: number;
  };
  added: DocumentRef[];
  removed: DocumentRef[];
  /** documents in both corpora that differ, by id */
  documents: DocumentDiff[];
  /** notes from the documents, prefixed with the id */
  notes: string[];
}
