/**
 * The extracted text of a PDF and its layout, built page by page from the pieces pdf-page.ts reads
 * (so only one page's geometry is held at a time).
 *
 * The text: a page's pieces top to bottom, one line each ("\n" after every line), pages joined by
 * "\f" like pdftotext. A plain line is the visual line; a framed box gives one line per item (its
 * wrapped lines joined); a ruled table gives one line per grid row, cells separated by "\t" (a
 * cell's lines joined; the positions a merged cell covers are empty), so the text readers see a
 * tab-separated table. The layout records each table's cells with their spans, the box and
 * heading blocks, every page with its printed label, and every line's page and box.
 */
import type { BBox, Layout, LayoutBlock, LayoutCell, LayoutLine, LayoutPage, LayoutTable, Placement } from './layout.js';
import { toBBox } from './pdf-geometry.js';
import type { Grid } from './pdf-grid.js';
import type { PagePiece, TableCellText } from './pdf-page.js';
import type { PdfLine } from './pdf-lines.js';
import { continuesRow, type RowShape } from './pdf-row-cut.js';

/** A printed page number: — 19 —, - 19 -, 19, 第19页. */
const PAGE_LABEL = /^(?:[—–\-－]\s*)?(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*[—–\-－])?$/;
/** A heading by its style: a bold line no longer than this (characters). */
const MAX_HEADING = 40;

/** Lines ending above this fraction of the page height are in the top margin (a running header). */
const RUNNING_HEADER = 0.08;

const isFurniture = (p: PagePiece): boolean => p.kind === 'line' && PAGE_LABEL.test(p.line.text);

/** Same columns: as many boundaries, each within a few units. */
const sameColumns = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 3);

/** A table at the top of a page continues the one that ended the previous page: same columns, or as many and the same header row. */
function continuesTable(open: OpenTable, grid: Grid, cells: readonly TableCellText[]): boolean {
  if (sameColumns(open.xs, grid.xs)) return true;
  if (open.xs.length !== grid.xs.length) return false;
  const cols = grid.xs.length - 1;
  const first = Array.from({ length: cols }, (_, c) => cells.find((x) => x.row === 0 && x.col === c)?.text ?? '').join('\t');
  return first === open.firstRows[0] && first.replace(/\t/g, '') !== '';
}

interface OpenTable {
  table: LayoutTable;
  xs: number[];
  /** the texts of the first rows, to recognize a header repeated on the next page */
  firstRows: string[];
  /** the last row so far, to recognize its rest at the top of the next page */
  lastRow: RowShape;
}

export class PdfTextBuilder {
  private parts: string[] = [];
  private pos = 0;
  private readonly tables: LayoutTable[] = [];
  private readonly blocks: LayoutBlock[] = [];
  private readonly pages: LayoutPage[] = [];
  private readonly lines: LayoutLine[] = [];
  private readonly headings: Array<{ block: LayoutBlock; size: number }> = [];
  /** what ended the previous page (furniture aside): a table or a box that may continue */
  private open: { table: OpenTable } | { box: LayoutBlock } | null = null;
  /** transforms each line before it is written (e.g. replacing control characters); must keep its length */
  constructor(private readonly clean: (line: string) => string = (l) => l) {}

  private write(text: string, page: number, bbox: BBox, furniture = false): { start: number; end: number } {
    const t = this.clean(text);
    const start = this.pos;
    this.parts.push(t, '\n');
    this.pos += t.length + 1;
    this.lines.push(furniture ? { start, end: start + t.length, page, bbox, furniture } : { start, end: start + t.length, page, bbox });
    return { start, end: start + t.length };
  }

  /** Add the next page: its 1-based number, size, pieces top to bottom, and rotated text to put after them. */
  addPage(number: number, width: number, height: number, pieces: readonly PagePiece[], rotated: readonly string[] = []): void {
    if (number > 1) {
      this.parts.push('\f');
      this.pos += 1;
    }
    const pageStart = this.pos;
    const box = (x0: number, top: number, x1: number, bottom: number): BBox => toBBox(height, x0, top, x1, bottom);
    // a running header in the top margin does not stop a table or box from continuing here
    const content = pieces.filter((p) => !isFurniture(p) && !(p.kind === 'line' && p.line.bottom < RUNNING_HEADER * height));
    const first = content[0];
    // what ended the previous page (a table or a box) may continue at the top of this one
    const before = this.open;
    this.open = null;
    let label: string | null = null;
    for (const p of pieces) {
      if (p.kind === 'line') {
        const m = PAGE_LABEL.exec(p.line.text);
        const { start, end } = this.write(p.line.text, number, box(p.line.x0, p.line.top, p.line.right, p.line.bottom), m !== null);
        if (m && label === null) label = m[1];
        if (!m) this.open = null;
        if (p.line.bold && p.line.text.length <= MAX_HEADING && !m) {
          const block: LayoutBlock = { kind: 'heading', start, end, placements: [{ page: number, bbox: box(p.line.x0, p.line.top, p.line.right, p.line.bottom) }] };
          this.blocks.push(block);
          this.headings.push({ block, size: p.line.size });
        }
      } else if (p.kind === 'frame') {
        this.addFrame(p.grid, p.items, number, box, p === first && before !== null && 'box' in before ? before.box : null);
      } else {
        const continued = p === first && before !== null && 'table' in before && continuesTable(before.table, p.grid, p.cells) ? before.table : null;
        this.addTable(p.grid, p.cells, number, box, continued);
      }
    }
    for (const r of rotated) this.write(r, number, [0, 0, 0, 0]);
    this.pages.push({ number, label, width: round(width), height: round(height), start: pageStart, end: this.pos });
  }

  private addFrame(grid: Grid, items: readonly PdfLine[], page: number, box: (x0: number, top: number, x1: number, bottom: number) => BBox, opened: LayoutBlock | null): void {
    const placement: Placement = { page, bbox: box(grid.x0, grid.top, grid.x1, grid.bottom) };
    // a frame at the top of a page continues the box that ended the previous page, unless it opens a new 专栏
    const continues = opened !== null && !/^专栏/.test(items[0]?.text ?? '');
    let start = -1;
    let end = -1;
    for (const it of items) {
      const w = this.write(it.text, page, box(it.x0, it.top, it.right, it.bottom));
      if (start < 0) start = w.start;
      end = w.end;
    }
    if (start < 0) start = end = this.pos;
    if (continues && opened) {
      opened.end = end;
      opened.placements?.push(placement);
      this.open = { box: opened };
      return;
    }
    const block: LayoutBlock = { kind: 'box', start, end, placements: [placement] };
    this.blocks.push(block);
    this.open = { box: block };
  }

  private addTable(grid: Grid, cells: readonly TableCellText[], page: number, box: (x0: number, top: number, x1: number, bottom: number) => BBox, continued: OpenTable | null): void {
    const rows = grid.ys.length - 1;
    const cols = grid.xs.length - 1;
    const at = new Map(cells.map((c) => [c.row * cols + c.col, c]));
    const rowTexts: string[][] = [];
    for (let r = 0; r < rows; r++) rowTexts.push(Array.from({ length: cols }, (_, c) => at.get(r * cols + c)?.text ?? ''));
    const shape = (r: number): RowShape =>
      rowTexts[r].map((text, c) => {
        const cell = at.get(r * cols + c);
        return cell ? { text, colSpan: cell.colSpan } : null;
      });
    // a header repeated at the top of a continued table: its rows stay in the text, not in the grid
    let repeated = 0;
    if (continued) {
      while (repeated < rows && repeated < continued.firstRows.length && rowTexts[repeated].join('\t') === continued.firstRows[repeated] && rowTexts[repeated].some((t) => t !== '')) repeated++;
      if (repeated === rows) repeated = 0;
    }
    const open: OpenTable = continued ?? {
      table: { start: -1, end: -1, rows: 0, cols, headerRows: 0, cells: [], placements: [] },
      xs: grid.xs,
      firstRows: rowTexts.map((r) => r.join('\t')),
      lastRow: [],
    };
    const table = open.table;
    if (continued && repeated > 0) table.headerRows = Math.max(table.headerRows, repeated);
    const rowBase = table.rows - repeated;
    // the first row under the repeated header may be the rest of the row the previous page ended with
    if (continued && repeated < rows && rowBase + repeated > table.headerRows && sameColumns(continued.xs, grid.xs) && continuesRow(continued.lastRow, shape(repeated))) (table.continuedRows ??= []).push(rowBase + repeated);
    for (let r = 0; r < rows; r++) {
      const line = rowTexts[r].join('\t');
      const { start, end } = this.write(line, page, box(grid.x0, grid.ys[r], grid.x1, grid.ys[r + 1]));
      if (table.start < 0) table.start = start;
      table.end = end;
      if (r < repeated) continue;
      let offset = start;
      for (let c = 0; c < cols; c++) {
        // clean keeps lengths: the cell's offsets in the written line
        const text = rowTexts[r][c];
        const cell = at.get(r * cols + c);
        if (cell) {
          const lc: LayoutCell = { row: rowBase + r, col: c, rowSpan: cell.rowSpan, colSpan: cell.colSpan, start: offset, end: offset + text.length, placements: [{ page, bbox: box(cell.x0, cell.top, cell.x1, cell.bottom) }] };
          table.cells.push(lc);
        }
        offset += text.length + 1;
      }
    }
    table.rows = rowBase + rows;
    open.lastRow = shape(rows - 1);
    table.placements?.push({ page, bbox: box(grid.x0, grid.top, grid.x1, grid.bottom) });
    if (!continued) this.tables.push(table);
    this.open = { table: open };
  }

  /** The whole text and its layout. */
  finish(): { text: string; layout: Layout } {
    // heading levels by size: the largest bold size is level 1
    const sizes = [...new Set(this.headings.map((h) => Math.round(h.size * 2) / 2))].sort((a, b) => b - a);
    for (const h of this.headings) h.block.level = sizes.indexOf(Math.round(h.size * 2) / 2) + 1;
    const blocks = [...this.blocks].sort((a, b) => a.start - b.start);
    return { text: this.parts.join(''), layout: { tables: this.tables, blocks, pages: this.pages, lines: this.lines } };
  }
}

const round = (v: number): number => Math.round(v * 100) / 100;
