/**
 * The indicator tables of the fixtures as regions, the way the structure stage hands them
 * over, built straight from raw line numbers. For tests (tables and export) until the
 * segmenter exists, and to check the segmenter against later.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DocContext } from '../../core/context.js';
import type { TableNote } from '../../schemas/table.js';
import { joinWrapped } from '../../pipeline/tables/cell-text.js';
import type { TableRegion } from '../../pipeline/types.js';
import { rawRowsFromLines } from './raw-rows.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixtureDoc(file: string): DocContext {
  const path = `${FIXTURES}${file}`;
  return new DocContext(path, readFileSync(path, 'utf8'));
}

export interface RegionLines {
  id: string;
  number: number | null;
  titleLine: number;
  body: [number, number];
  notes?: [number, number];
}

/** A region from line numbers: title line, body lines (inclusive), note lines (one note). */
export function regionFromLines(doc: DocContext, r: RegionLines): TableRegion {
  const titleRaw = doc.lines.lineText(r.titleLine);
  const titleStart = doc.lines.starts[r.titleLine - 1];
  const title = titleRaw.trim().replace(/^表\s*\d+\s*[：:]?\s*/, '');
  const notes: TableNote[] = [];
  if (r.notes) {
    const rows = rawRowsFromLines(doc, r.notes[0], r.notes[1]);
    const first = rows[0].source;
    const last = rows[rows.length - 1].source;
    notes.push({ text: joinWrapped(rows.map((x) => x.text)), source: doc.span(first.offset, last.endOffset) });
  }
  const end = r.notes ? r.notes[1] : r.body[1];
  return {
    id: r.id,
    number: r.number,
    title,
    sectionId: null,
    source: doc.span(titleStart, doc.lines.lineEnd(end)),
    notes,
    rawRows: rawRowsFromLines(doc, r.body[0], r.body[1]),
  };
}

export const FIXTURE_TABLES: ReadonlyArray<{ file: string; region: RegionLines }> = [
  { file: '000_5e002ab9d4a7d847.txt', region: { id: 'table-1', number: 1, titleLine: 341, body: [343, 466], notes: [468, 470] } },
  { file: '000_5e002ab9d4a7d847.txt', region: { id: 'table-2', number: 2, titleLine: 782, body: [784, 882], notes: [884, 884] } },
  { file: '003_0b1e8b9a0c3e043b.txt', region: { id: 'table-1', number: 1, titleLine: 98, body: [100, 124] } },
  { file: '003_0b1e8b9a0c3e043b.txt', region: { id: 'table-2', number: 2, titleLine: 194, body: [196, 220], notes: [222, 222] } },
  { file: '004_28dd4271f70e694a.txt', region: { id: 'table-1', number: null, titleLine: 145, body: [147, 160], notes: [162, 162] } },
];
