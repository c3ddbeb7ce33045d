/**
 * The data passed between the stages, described once:
 *   ingest → RawDocument → normalize → Normalized → segment → Segmented (with TableRegions)
 *   → tables → Table[] → emit → PlanDocument (schemas/document.ts).
 * Positions: `start`/`end` are offsets in the stage's own text; `rawStart`/`rawEnd` and every
 * SourceSpan are offsets in the raw text (RawDocument.text). The output types are zod schemas in
 * schemas/; these in-memory types carry offset maps (typed arrays) and are not serialized.
 */
import type { MappedText } from '../core/provenance/mapped-text.js';
import type { LineKind } from '../core/text/line-kind.js';
import type { SourceInfo, Box, Figure, FrontMatter, Meta, Paragraph, Section, TocEntry } from '../schemas/document.js';
import type { Table } from '../schemas/table.js';
import type { Layout } from './ingest/layout.js';

/** What ingest read: the raw text every position refers to. */
export interface RawDocument {
  source: SourceInfo;
  /** the decoded raw text (for a PDF: the extracted text, saved beside the document) */
  text: string;
  /** for structured inputs (PDF, .docx, HTML, Markdown): tables, styled blocks and pages, by offsets into `text` */
  layout?: Layout;
}

/** A document's subject region, as found in its text. */
export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  code: string | null;
}

/** Emphasis (bold) kept from markup: offsets in the text after markup removal. */
export interface EmphasisSpan {
  start: number;
  end: number;
}

/** How the source was wrapped. */
export interface WrapProfile {
  /** the page's line width in display columns when the text is hard-wrapped, else null */
  wrapWidth: number | null;
  /** share of text lines at the wrap width */
  share: number;
}

/** A logical line of the normalized text: a paragraph, a heading line, a table row … */
export interface Block {
  index: number;
  /** offsets in the normalized text */
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  /** raw offsets */
  rawStart: number;
  rawEnd: number;
  /** 1-based raw lines the block spans */
  firstLine: number;
  lastLine: number;
  /** number of raw lines with content the block was joined from */
  rawLines: number;
  /** display width of the widest raw line of the block */
  maxRawWidth: number;
  /** emphasis spans, offsets relative to the block text */
  emphasis: EmphasisSpan[];
}

/** What normalize hands to segment. */
export interface Normalized {
  text: MappedText;
  /** the text after the character steps, before unwrapping and spacing: lines and spaces as printed */
  chars: MappedText;
  /** how the source was wrapped: the body's line width when hard-wrapped */
  wrap: WrapProfile;
  emphasis: EmphasisSpan[];
  blocks: Block[];
  /** the region the document is about, as the OCR step found it (null without OCR or when none is named) */
  subject: Region | null;
  /** fields of a scraper's header or of Markdown front matter, removed from the text and kept as metadata evidence (标题 → title) */
  sourceFields: Record<string, string>;
  /** a structured input's layout (tables as cells, framed boxes, pages), handed on from ingest */
  layout: Layout | undefined;
}

/** A table located by segment, before the table stage reads its rows: a Table without what the parser adds. */
export type TableRegion = Omit<Table, 'kind' | 'columns' | 'indicators'>;

/** What segment hands on: the structure, and the table regions for the table stage. */
export interface Segmented {
  meta: Meta;
  frontMatter: FrontMatter | null;
  paragraphs: Paragraph[];
  sections: Section[];
  boxes: Box[];
  tables: TableRegion[];
  figures: Figure[];
}
