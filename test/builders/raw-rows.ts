import type { DocContext } from '../../core/context.js';
import type { RawRow } from '../../schemas/table.js';
import { findFurniture } from '../../pipeline/normalize/page-furniture.js';

/**
 * RawRows straight from raw lines first..last (1-based, inclusive): the non-blank lines,
 * page furniture left out (found by the normalizer's own rule), text = the raw line trimmed,
 * one map run. For tests and tools that need a table region before (or without) the segmenter;
 * the segmenter's rows carry normalized text and a finer map instead.
 */
export function rawRowsFromLines(doc: DocContext, first: number, last: number): RawRow[] {
  const furniture = new Set(findFurniture(doc.raw.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n'))).map((f) => f.line.index + 1));
  const rows: RawRow[] = [];
  for (let line = first; line <= last; line++) {
    const raw = doc.lines.lineText(line);
    if (raw.trim() === '' || furniture.has(line)) continue;
    const start = doc.lines.starts[line - 1];
    const lead = raw.length - raw.trimStart().length;
    rows.push({ text: raw.trim(), raw, source: doc.span(start, start + raw.length), map: [[0, start + lead]] });
  }
  return rows;
}
