/**
 * A table row cut by a page break: a ruled table that runs to the foot of a page and goes on at the
 * top of the next one may print one row in two parts (a row allowed to break across pages, the
 * default in Word and LibreOffice): the first lines of its long cells at the foot of the page, the
 * rest under the next page's repeated header, its short cells (number, values) whole in the first
 * part. Decided from the two grid rows alone (pdf-assemble.ts checks that the grids' columns line up).
 */

/** A grid row: per column, the cell that starts there (its text and width), or null where a cell from the left or above covers it. */
export type RowShape = ReadonlyArray<{ text: string; colSpan: number } | null>;

/** A cell that opens a row of its own: a sequence number (1, 12、) or a category (一、, （二）). */
const OPENS_ROW = /^\s*(?:\d|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;

const filled = (cell: RowShape[number]): boolean => cell !== null && cell.text.trim() !== '';

/**
 * Is `below`, the first row of a table's grid on a page (its repeated header left out), the rest of
 * `above`, the last row of the grid on the page before? Only when all of these hold:
 * - the two rows have the same cells (the same columns covered, the same spans): not a category row
 *   over the whole width above a data row;
 * - `below` does not open a row of its own: its first cell holds no sequence number or category;
 * - every cell `below` fills continues a cell `above` fills (the rest of a name, of a wrapped value);
 * - `below` fills fewer cells than `above`: the cells that fit on one line stayed whole in the first
 *   part, while a row printed whole (a sub-row without a number, say) fills as many as the row above.
 * A row whose first part holds only its number and name, and the values only in the second part, is
 * not recognized: it reads the same as a parent row and its first sub-row.
 */
export function continuesRow(above: RowShape, below: RowShape): boolean {
  if (above.length !== below.length || below.length === 0) return false;
  const sameCells = above.every((a, c) => (a === null) === (below[c] === null) && (a === null || a.colSpan === below[c]?.colSpan));
  if (!sameCells) return false;
  const first = below.find((c) => c !== null);
  if (first && OPENS_ROW.test(first.text)) return false;
  const own = below.filter(filled).length;
  if (own === 0 || own >= above.filter(filled).length) return false;
  return below.every((b, c) => !filled(b) || filled(above[c]));
}
