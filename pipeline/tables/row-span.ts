import type { DocContext } from '../../core/context.js';
import type { SourceSpan } from '../../schemas/source.js';
import type { RawRow } from '../../schemas/table.js';

/** The run of the row's map that holds text offset t (runs sorted by text offset). */
function runAt(row: RawRow, t: number): number {
  let i = 0;
  while (i + 1 < row.map.length && row.map[i + 1][0] <= t) i++;
  return i;
}

/** Raw offset of the character at text offset t (t < text length). */
function rawStart(row: RawRow, t: number): number {
  const [ts, rs] = row.map[runAt(row, t)] ?? [0, row.source.offset];
  return rs + (t - ts);
}

/** Raw offset just past the character at text offset t - 1. */
function rawEnd(row: RawRow, e: number, raw: string): number {
  const i = runAt(row, e - 1);
  const [ts, rs] = row.map[i];
  const oneToOne = rs + (e - ts);
  // the last character of a run may stand for several raw ones (—— normalized to —): take the
  // raw characters up to the next run (or the line end) when they are not plain whitespace
  const next = row.map[i + 1];
  const limit = next !== undefined ? (next[0] === e ? next[1] : oneToOne) : e === row.text.length ? row.source.endOffset : oneToOne;
  if (limit > oneToOne && raw.slice(oneToOne, limit).trim() !== '') return limit;
  return oneToOne;
}

/**
 * The raw SourceSpan of the text range [start, end) of a table row, through the row's offset
 * map. An empty range gives a point (an empty cell between two tabs).
 */
export function textRangeSpan(row: RawRow, start: number, end: number, doc: DocContext): SourceSpan {
  if (start < 0 || end > row.text.length || end < start) throw new RangeError(`range ${start}..${end} outside row text 0..${row.text.length}`);
  if (row.map.length === 0) return row.source;
  if (start === end) {
    const p = start < row.text.length ? rawStart(row, start) : rawEnd(row, start, doc.raw);
    return doc.span(p, p);
  }
  return doc.span(rawStart(row, start), rawEnd(row, end, doc.raw));
}

/** One span from the start of the first range to the end of the last (a cell broken over lines). */
export function joinSpans(spans: readonly SourceSpan[]): SourceSpan {
  const first = spans[0];
  const last = spans[spans.length - 1];
  return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn, offset: first.offset, endOffset: last.endOffset };
}
