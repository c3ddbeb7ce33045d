/**
 * Linearize a structured input (.docx, HTML) into the plain text every position refers to, and
 * record what the text cannot say in a Layout (layout.ts): one line per paragraph, a table one
 * row per line with cells separated by "\t", styled blocks and table cells by offsets.
 *
 * A table row's line: a cell spanning several columns repeats its text in each column it covers
 * in header rows (the tabbed table reader reads two-level headers from that) and leaves the
 * covered columns empty in body rows; a cell covered by a vertical span is empty. Each LayoutCell
 * points at the text where the cell starts (its first column, its first row).
 */
import type { Layout, LayoutBlock, LayoutCell, LayoutTable } from './layout.js';

/** A table cell as read from the source, before linearization. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface GridTable {
  rows: number;
  cols: number;
  headerRows: number;
  cells: GridCell[];
}

/** Inside a line: line breaks and tabs would split rows and cells; runs of spaces are one space. */
export const oneLine = (s: string): string => s.replace(/[\t\r\n\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();

export class LinearText {
  private readonly parts: string[] = [];
  private length = 0;
  readonly layout: Layout = { tables: [], blocks: [], pages: [] };

  /** Where the next character goes. */
  get offset(): number {
    return this.length;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /**
   * One paragraph as one line (soft line breaks inside it stay line breaks). `numbering` is text the
   * source generates (Word numbering, an <ol> item): it is written in front of the text and recorded
   * on the block. Returns the block.
   */
  paragraph(text: string, block: Omit<LayoutBlock, 'start' | 'end'> = { kind: 'paragraph' }): LayoutBlock {
    const start = this.length;
    const body = (block.numbering ?? '') + text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ');
    this.push(body);
    const b: LayoutBlock = { ...block, start, end: this.length };
    this.push('\n');
    this.layout.blocks.push(b);
    return b;
  }

  /** An empty line (an empty paragraph in the source): a paragraph break in the text. */
  blank(): void {
    this.push('\n');
  }

  /** A table: one line per row, cells separated by tabs; the cells and spans go to layout.tables. */
  table(grid: GridTable): LayoutTable {
    const start = this.length;
    const anchors = new Map<string, GridCell>();
    const covered = new Set<string>();
    for (const c of grid.cells) {
      anchors.set(`${c.row},${c.col}`, c);
      for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) if (r !== c.row || k !== c.col) covered.add(`${r},${k}`);
    }
    const cells: LayoutCell[] = [];
    for (let r = 0; r < grid.rows; r++) {
      for (let k = 0; k < grid.cols; k++) {
        if (k > 0) this.push('\t');
        const cell = anchors.get(`${r},${k}`);
        if (cell) {
          const text = oneLine(cell.text);
          const at = this.length;
          this.push(text);
          cells.push({ row: r, col: k, rowSpan: cell.rowSpan, colSpan: cell.colSpan, start: at, end: at + text.length });
          continue;
        }
        if (!covered.has(`${r},${k}`) || r >= grid.headerRows) continue;
        // a header row: repeat the text of the cell spanning this column from the left in the same row
        const left = grid.cells.find((c) => c.row === r && c.col < k && c.col + c.colSpan > k);
        if (left) this.push(oneLine(left.text));
      }
      this.push('\n');
    }
    const table: LayoutTable = { start, end: Math.max(start, this.length - 1), rows: grid.rows, cols: grid.cols, headerRows: grid.headerRows, cells };
    this.layout.tables.push(table);
    return table;
  }

  text(): string {
    return this.parts.join('');
  }
}

/**
 * Place cells with spans on a grid: each row lists its cells left to right with their colSpan and
 * whether they continue a vertical merge from the row above (Word's vMerge) or start one; HTML's
 * rowspan is given directly. Returns the grid with row spans resolved.
 */
export function placeCells(rows: ReadonlyArray<ReadonlyArray<{ text: string; colSpan: number; rowSpan?: number; continues?: boolean; gridBefore?: number }>>): { cells: GridCell[]; cols: number } {
  const cells: GridCell[] = [];
  const taken = new Set<string>();
  let cols = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      col += c.gridBefore ?? 0;
      while (taken.has(`${r},${col}`)) col++;
      const colSpan = Math.max(1, c.colSpan);
      if (c.continues) {
        // Word: this cell continues the merged cell above that starts in this column
        const above = [...cells].reverse().find((x) => x.col === col && x.row + x.rowSpan === r);
        if (above) {
          above.rowSpan++;
          col += colSpan;
          continue;
        }
      }
      const rowSpan = Math.max(1, c.rowSpan ?? 1);
      cells.push({ row: r, col, rowSpan, colSpan, text: c.text });
      for (let rr = r; rr < r + rowSpan; rr++) for (let k = col; k < col + colSpan; k++) taken.add(`${rr},${k}`);
      col += colSpan;
    }
    cols = Math.max(cols, col);
  });
  // an HTML rowspan running past the last row is cut at the table's end
  for (const c of cells) c.rowSpan = Math.min(c.rowSpan, rows.length - c.row);
  return { cells, cols };
}

/** Header rows of a grid: rows flagged as headers at the top, and the rows that row 0's cells span down over. */
export function headerRowCount(cells: readonly GridCell[], rows: number, flagged: number): number {
  if (rows <= 1) return 0;
  const spanned = Math.max(1, ...cells.filter((c) => c.row === 0).map((c) => c.rowSpan));
  return Math.min(rows - 1, Math.max(flagged, spanned));
}
