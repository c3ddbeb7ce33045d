/**
 * A table row cut by a page break (ingest marks the grid row of its rest: LayoutTable.continuedRows,
 * see pipeline/ingest/pdf-row-cut.ts): its two raw lines are read as one row, each cell the text of
 * its first part followed by the text of its rest. The joined row's offset map points every character
 * at its own raw place, so a value keeps the raw positions of both parts (and so both pages).
 */
import type { DocContext } from '../../core/context.js';
import { runRange } from '../../core/provenance/run-map.js';
import type { RawRow } from '../../schemas/table.js';
import { tabCells, trimmedTabs } from './layout-tabbed.js';

/** The raw offset of the character at text offset t of a row. */
const rawAt = (row: RawRow, t: number, doc: DocContext): number => runRange({ text: row.text, map: row.map, rawStart: row.source.offset, rawEnd: row.source.endOffset }, t, t + 1, doc.raw)[0];

/** The raw offset of the tab after column k of a row's first raw line (its end when there is none). */
function tabAfter(row: RawRow, k: number, doc: DocContext): number {
  let at = row.source.offset - row.source.column;
  for (let i = 0; i <= k; i++) {
    const t = doc.raw.indexOf('\t', at);
    const eol = doc.raw.indexOf('\n', at);
    if (t < 0 || (eol >= 0 && t > eol)) return eol < 0 ? doc.raw.length : eol;
    at = t + 1;
  }
  return at - 1;
}

/** Runs [textOffset, rawOffset] of per-character raw offsets: a new run wherever they stop following on. */
function runsOf(raws: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  raws.forEach((o, i) => {
    if (i === 0 || o !== raws[i - 1] + 1) runs.push([i, o]);
  });
  return runs;
}

/** One row from a row cut by a page break (`above`) and its rest (`below`): cell by cell, the first part's text then the rest's. */
export function joinCutRow(above: RawRow, below: RawRow, doc: DocContext): RawRow {
  const a = tabCells(above.text, trimmedTabs(above, doc));
  const b = tabCells(below.text, trimmedTabs(below, doc));
  const cols = Math.max(a.length, b.length);
  let text = '';
  const raws: number[] = [];
  for (let c = 0; c < cols; c++) {
    if (c > 0) {
      // the tab after the previous cell: the one that follows its last character, else the first part's
      const last = raws[raws.length - 1];
      const filledBefore = text !== '' && !text.endsWith('\t');
      raws.push(filledBefore && doc.raw[last + 1] === '\t' ? last + 1 : tabAfter(above, c - 1, doc));
      text += '\t';
    }
    for (const [row, cell] of [
      [above, a[c]],
      [below, b[c]],
    ] as const) {
      if (cell === undefined || cell.text === '') continue;
      text += cell.text;
      for (let t = cell.start; t < cell.end; t++) raws.push(rawAt(row, t, doc));
    }
  }
  const end = text.replace(/\t+$/, '').length;
  const source = doc.span(above.source.offset, below.source.endOffset);
  return { text: text.slice(0, end), raw: doc.raw.slice(source.offset, source.endOffset), source, map: runsOf(raws.slice(0, end)) };
}

/**
 * The rows of a table with every cut row joined to its rest: `gridRow` gives a raw row's grid row,
 * `continued` the grid rows that are the rest of the row above. Each join is reported (info).
 */
export function joinCutRows(rows: readonly RawRow[], gridRow: (row: RawRow) => number | null, continued: readonly number[], doc: DocContext): RawRow[] {
  const out: RawRow[] = [];
  let last: number | null = null;
  for (const row of rows) {
    const g = gridRow(row);
    const prev = out[out.length - 1];
    if (g !== null && last === g - 1 && prev !== undefined && continued.includes(g)) {
      out[out.length - 1] = joinCutRow(prev, row, doc);
      doc.report('info', 'row-cut-joined', `table row “${prev.text.replace(/\t+/g, ' ').trim()}” goes on after the page break with “${row.text.replace(/\t+/g, ' ').trim()}”: read as one row`, row.source);
    } else out.push(row);
    last = g;
  }
  return out;
}
