/**
 * Reader for a table that ingest delivered as cells (a PDF's ruled table, a .docx or HTML table):
 * rows × columns with spans, linearized into the text one grid row per line with cells separated
 * by "\t". The rows are read like any tab-separated table (header levels, names, sequence numbers,
 * categories, sub-rows), keeping only the rows the grid holds (a header repeated after a page
 * break is not one), and then the grid, not a guess, says which empty cells a merged cell covers:
 * a covered value cell repeats the merged cell's value (merged: true), an empty cell of its own
 * stays empty. A row cut by a page break (its rest at the top of the next page) is read as one row.
 */
import type { DocContext } from '../../core/context.js';
import type { Layout, LayoutCell, LayoutTable } from '../ingest/layout.js';
import type { RawRow } from '../../schemas/table.js';
import type { LayoutResult, RowDraft } from './draft.js';
import { readTabbed } from './layout-tabbed.js';
import { joinCutRows } from './cut-rows.js';

/** The cell whose span covers grid position (row, col). */
function coverIndex(table: LayoutTable): (row: number, col: number) => LayoutCell | undefined {
  const grid = new Map<number, LayoutCell>();
  for (const c of table.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) grid.set(r * table.cols + k, c);
  }
  return (row, col) => grid.get(row * table.cols + col);
}

/** The grid row a raw row holds: the row of a cell that starts within it. */
function gridRowOf(row: RawRow, cells: readonly LayoutCell[]): number | null {
  const c = cells.find((cell) => cell.start >= row.source.offset && cell.start <= row.source.endOffset);
  return c ? c.row : null;
}

export function readLayoutCells(rows: readonly RawRow[], table: LayoutTable, doc: DocContext): LayoutResult | null {
  const own = rows.filter((r) => gridRowOf(r, table.cells) !== null);
  // a row cut by a page break is one row: its rest joined to it
  const inGrid = table.continuedRows ? joinCutRows(own, (r) => gridRowOf(r, table.cells), table.continuedRows, doc) : own;
  const result = readTabbed(inGrid, doc);
  if (result === null) return null;
  const cover = coverIndex(table);
  const firstDataCol = table.cols - result.headers.length;
  const gridRow = new Map<RowDraft, number>();
  const byRow = new Map<number, RowDraft>();
  for (const d of result.rows) {
    const raw = inGrid.find((r) => r.source.offset === d.source.offset);
    const row = raw ? gridRowOf(raw, table.cells) : null;
    if (row === null) continue;
    gridRow.set(d, row);
    byRow.set(row, d);
  }
  for (const draft of result.rows) {
    const row = gridRow.get(draft);
    if (row === undefined) continue;
    draft.cells = draft.cells.map((cell, k) => {
      const col = firstDataCol + k;
      const owner = cover(row, col);
      if (!owner) return cell;
      if (owner.row === row && owner.col === col) {
        // the cell's own position: an empty cell is empty, whatever its neighbours hold
        return owner.start === owner.end && cell?.merged ? { raw: '', spans: [doc.span(owner.start, owner.end)] } : cell;
      }
      const source = byRow.get(owner.row)?.cells[owner.col - firstDataCol];
      return source && source.raw !== '' ? { ...source, merged: true } : cell;
    });
  }
  return result;
}

/** The layout table inside a located table's raw range (caption to notes), if ingest found one there. */
export function layoutTableAt(layout: Layout | undefined, range: { offset: number; endOffset: number }): LayoutTable | undefined {
  return layout?.tables.find((t) => t.start >= range.offset && t.end <= range.endOffset);
}
