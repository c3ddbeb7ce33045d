import type { DocContext } from '../../core/context.js';
import { runRange } from '../../core/provenance/run-map.js';
import type { SourceSpan } from '../../schemas/source.js';
import type { RawRow } from '../../schemas/table.js';

/**
 * The raw SourceSpan of the text range [start, end) of a table row, through the row's offset
 * map. An empty range gives a point (an empty cell between two tabs).
 */
export function textRangeSpan(row: RawRow, start: number, end: number, doc: DocContext): SourceSpan {
  if (start < 0 || end > row.text.length || end < start) throw new RangeError(`range ${start}..${end} outside row text 0..${row.text.length}`);
  const [a, b] = runRange({ text: row.text, map: row.map, rawStart: row.source.offset, rawEnd: row.source.endOffset }, start, end, doc.raw);
  return doc.span(a, b);
}
