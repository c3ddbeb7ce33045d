/**
 * What ingest knows about a structured input (PDF, .docx, HTML, Markdown) beyond its text.
 *
 * Every offset is into RawDocument.text (the decoded or extracted text that every position of the
 * corpus refers to): [start, end) in UTF-16 code units. A structured input is linearized into that
 * text (paragraphs one per line, a table one row per line with cells separated by "\t"), and the
 * layout records what the linear text cannot say: which ranges are tables (their cells with spans),
 * which lines are styled headings or framed boxes, and where each piece sat on its page.
 */

/** A box on a page in PDF units: [x0, y0, x1, y1], origin at the bottom-left corner of the page, y upwards. */
export type BBox = [number, number, number, number];

/** Where a piece of text sat: its physical page (1-based) and its box there. */
export interface Placement {
  page: number;
  bbox: BBox;
}

export interface LayoutCell {
  /** 0-based row and column of the cell's top-left corner in the table grid */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** the cell's text in RawDocument.text (start === end for an empty cell: the point where it stands) */
  start: number;
  end: number;
  /** for PDF cells: one placement per page the cell's text is on */
  placements?: Placement[];
}

export interface LayoutTable {
  /** the table's text in RawDocument.text, first row to last */
  start: number;
  end: number;
  rows: number;
  cols: number;
  /** how many leading rows are header rows (0 when unknown) */
  headerRows: number;
  cells: LayoutCell[];
  /**
   * PDF tables: grid rows that are the rest of the row above them, cut by a page break (its first
   * lines at the foot of one page, the rest at the top of the next); the tables stage reads each
   * such pair as one row
   */
  continuedRows?: number[];
  /** for PDF tables: the table's box on each page it covers */
  placements?: Placement[];
}

export type LayoutBlockKind = 'heading' | 'paragraph' | 'list-item' | 'box' | 'caption' | 'footnote';

export interface LayoutBlock {
  kind: LayoutBlockKind;
  start: number;
  end: number;
  /** heading level when the source styles it (Heading 1 → 1), else absent */
  level?: number;
  /** numbering the source generates (Word numbering, an <ol> item) and that is not in the text, e.g. "一、" */
  numbering?: string;
  /** 0-based index of the source paragraph the block comes from (.docx: w:p in document order, table cells and text boxes counted) */
  index?: number;
  placements?: Placement[];
}

export interface LayoutPage {
  /** 1-based physical page */
  number: number;
  /** printed page label when known (e.g. "— 19 —" → "19") */
  label: string | null;
  width: number;
  height: number;
  /** the page's text in RawDocument.text */
  start: number;
  end: number;
}

/** A line of the text as it sat on its page (PDF): what gives any span of the text its page and box. */
export interface LayoutLine {
  start: number;
  end: number;
  page: number;
  bbox: BBox;
  /** a printed page number or other page furniture: it places itself, not the items around it */
  furniture?: boolean;
}

export interface Layout {
  tables: LayoutTable[];
  blocks: LayoutBlock[];
  pages: LayoutPage[];
  /** for PDFs: every line of the text with its page and box, in text order */
  lines?: LayoutLine[];
}

export const EMPTY_LAYOUT: Layout = { tables: [], blocks: [], pages: [] };
