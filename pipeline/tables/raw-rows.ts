import type { DocContext } from '../context.js';
import type { RawRow } from '../../schemas/table.js';

/** A page-number line such as `— 19 —` or `- 3 -`: page furniture, not a table row. */
export const PAGE_NUMBER_LINE = /^\s*[—–\-－]\s*\d{1,4}\s*[—–\-－]\s*$/;

/**
 * RawRows straight from raw lines first..last (1-based, inclusive): the non-blank lines,
 * page-number lines left out, text = the raw line trimmed, one map run. For tests and tools
 * that need a table region before (or without) the segmenter; the segmenter's rows carry
 * normalized text and a finer map instead.
 */
export function rawRowsFromLines(doc: DocContext, first: number, last: number): RawRow[] {
  const rows: RawRow[] = [];
  for (let line = first; line <= last; line++) {
    const raw = doc.lines.lineText(line);
    if (raw.trim() === '' || PAGE_NUMBER_LINE.test(raw)) continue;
    const start = doc.lines.starts[line - 1];
    const lead = raw.length - raw.trimStart().length;
    rows.push({ text: raw.trim(), raw, source: doc.span(start, start + raw.length), map: [[0, start + lead]] });
  }
  return rows;
}
