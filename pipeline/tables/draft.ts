import type { SourceSpan } from '../../schemas/source.js';
import type { HeaderCell } from './header.js';

/** A cell as read from the page: printed text (joined over lines) and where it stands. */
export interface CellDraft {
  raw: string;
  spans: SourceSpan[];
  /** repeated here from a cell merged over several rows or columns */
  merged?: boolean;
}

/** One indicator row as a layout reader found it, cells aligned to the table's data columns. */
export interface RowDraft {
  seq: string | null;
  name: CellDraft;
  /** the printed name of the row this one is a sub-row of */
  parent: CellDraft | null;
  category: string | null;
  /** one per data column (value, unit and attribute columns), null when the row has none */
  cells: Array<CellDraft | null>;
  source: SourceSpan;
}

/** What a layout reader returns: the data columns' header levels and the rows. */
export interface LayoutResult {
  headers: HeaderCell[];
  rows: RowDraft[];
}

/** Category (group) rows: 一、经济发展 → 经济发展; （二）创新驱动 → 创新驱动. */
export const CATEGORY = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)])\s*(\S.*)$/u;

/** Attribute words that end a data row: 预期性, 约束性. */
export const ATTRIBUTE_WORD = /^(?:预期性|约束性|预期|约束|指导性)(?:指标)?$/;
