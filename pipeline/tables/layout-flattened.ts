import type { DocContext } from '../../core/context.js';
import type { RawRow } from '../../schemas/table.js';
import { compactText } from './cell-text.js';
import { CATEGORY, type CellDraft, type LayoutResult, type RowDraft } from './draft.js';
import { isIdLabel, roleWords, type HeaderCell } from './header.js';
import { LineIndex } from '../../core/provenance/line-index.js';

const SEQ = /^\d{1,3}$/;
const MAX_HEADER_LABEL = 16;

/** One cell: the lines of one source paragraph (a line break without a blank line stays inside the cell). */
interface FlatCell {
  text: string;
  rows: RawRow[];
}

/** Is there a paragraph break (a blank line) in the raw text between two rows? */
const paragraphBreak = (a: RawRow, b: RawRow, doc: DocContext): boolean => /\n[ \t\u3000]*\r?\n/.test(doc.raw.slice(a.source.endOffset, b.source.offset));

/**
 * A table flattened to one cell per line or paragraph (a Markdown or web page copy of a Word table):
 * the header labels one per line (序号 / 指标名称 / 单位 / 属性 / 目标), then each row's cells in the
 * same order, a row starting at its sequence number. A row whose cell count does not match the
 * header is kept out with a cells-ambiguous warning naming it. Null when the rows are not laid out so.
 */
export function readFlattened(rows: readonly RawRow[], doc: DocContext): LayoutResult | null {
  if (rows.length < 6 || rows.some((r) => r.text.includes('\t'))) return null;
  // cells: the lines of one paragraph joined (a cell wrapped in the source: 与全市经济增速 / 保持同步)
  const cells: FlatCell[] = [];
  rows.forEach((row, i) => {
    const text = row.text.trim();
    if (text === '') return;
    const prev = cells[cells.length - 1];
    if (prev && i > 0 && !paragraphBreak(rows[i - 1], row, doc) && !SEQ.test(text) && !SEQ.test(prev.text)) {
      prev.text += text;
      prev.rows.push(row);
    } else cells.push({ text, rows: [row] });
  });
  const firstSeq = cells.findIndex((c) => SEQ.test(c.text));
  const labels = cells.slice(0, firstSeq).map((c) => compactText(c.text));
  if (firstSeq < 3 || labels.some((l) => l.length > MAX_HEADER_LABEL) || !labels.some(isIdLabel) || !/^(?:序号|编号)$/.test(labels[0])) return null;
  if (!labels.slice(1).some((l) => roleWords(l) !== null || /年/.test(l))) return null;
  const width = labels.length;
  const nameCol = labels.findIndex((l, j) => j > 0 && isIdLabel(l));
  if (nameCol < 0) return null;
  const dataCols = labels.map((_, j) => j).filter((j) => j !== 0 && j !== nameCol);
  const headers: HeaderCell[] = dataCols.map((j) => ({ levels: [labels[j]] }));
  const draftOf = (c: FlatCell): CellDraft => ({ raw: c.text, spans: [LineIndex.join(c.rows.map((r) => r.source))] });

  const drafts: RowDraft[] = [];
  let category: string | null = null;
  let k = firstSeq;
  while (k < cells.length) {
    const cat = cells[k].text.match(CATEGORY);
    if (cat && !SEQ.test(cells[k].text)) {
      category = compactText(cat[1]);
      k++;
      continue;
    }
    // a record: its sequence number, then cells up to the next number that continues the sequence
    const seq = cells[k].text;
    const startsNext = (c: FlatCell | undefined): boolean => c === undefined || (SEQ.test(c.text) && Number(c.text) === Number(seq) + 1) || (CATEGORY.test(c.text) && !SEQ.test(c.text));
    let end = k + 1;
    const atWidth = cells[k + width];
    if (k + width <= cells.length && (startsNext(atWidth) || (SEQ.test(atWidth.text) && Number(atWidth.text) > Number(seq)))) end = k + width;
    else while (end < cells.length && !startsNext(cells[end])) end++;
    const record = cells.slice(k + 1, end);
    const source = LineIndex.join([cells[k], ...record].flatMap((c) => c.rows.map((r) => r.source)));
    if (record.length !== width - 1) {
      const text = [seq, ...record.map((c) => c.text)].join(' / ');
      doc.report('warning', 'cells-ambiguous', `table row ${seq} has ${record.length} cells for ${width - 1} columns, kept out: ${text}`, source);
    } else {
      const byCol = (j: number): FlatCell => record[j - 1];
      drafts.push({ seq, name: draftOf(byCol(nameCol)), parent: null, category, cells: dataCols.map((j) => draftOf(byCol(j))), source });
    }
    k = end;
  }
  return drafts.length > 0 ? { headers, rows: drafts } : null;
}
