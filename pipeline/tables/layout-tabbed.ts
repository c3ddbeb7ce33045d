import type { DocContext } from '../../core/context.js';
import type { RawRow } from '../../schemas/table.js';
import type { SourceSpan } from '../../schemas/source.js';
import { compactText } from './cell-text.js';
import { CATEGORY, type CellDraft, type LayoutResult, type RowDraft } from './draft.js';
import { isIdLabel, roleWords, type HeaderCell } from './header.js';
import { parseQuantity } from './quantity.js';
import { textRangeSpan } from './row-span.js';
import { matchSeq } from './seq.js';
import { maxOf } from '../../core/arrays.js';

interface TabCell {
  text: string;
  start: number;
  end: number;
}

/**
 * The tab-separated cells of a row, trimmed, with their offsets in the row text. `leading`
 * empty cells stand for tabs trimmed off the start of the text (they are still in the raw line).
 */
export function tabCells(text: string, leading = 0): TabCell[] {
  const out: TabCell[] = Array.from({ length: leading }, () => ({ text: '', start: 0, end: 0 }));
  let start = 0;
  for (const part of text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    const t = part.trim();
    out.push({ text: t, start: start + lead, end: start + lead + t.length });
    start += part.length + 1;
  }
  return out;
}

/** Tabs of the raw line before the text's first character: leading empty cells the trim removed. */
export function trimmedTabs(row: RawRow, doc: DocContext): number {
  const first = row.map[0];
  if (first === undefined || first[0] !== 0) return 0;
  return (doc.raw.slice(row.source.offset, first[1]).match(/\t/g) ?? []).length;
}

const isSeqCell = (t: string): boolean => /^\d{1,3}$/.test(t);
/** The header of a first column that holds categories. */
const CATEGORY_LABEL = /^(?:类别|分类|领域|类型|方面)$/;
/** A row with a figure in it (a data row), as opposed to a header row naming years. */
const isValueRow = (cells: readonly TabCell[]): boolean => cells.some((c) => /^[-+≥≤]?\[?\d+(?:\.\d+)?(?!\s*年)/.test(c.text));

function isDataStart(cells: readonly TabCell[]): boolean {
  const first = cells.find((c) => c.text !== '');
  if (first === undefined) return false;
  return CATEGORY.test(first.text) || isSeqCell(first.text) || matchSeq(first.text, null) !== null;
}

/**
 * Reader for tab-separated rows (003, 004): one or more header rows, a group label spanning
 * the empty header cells to its right (“十三五”规划目标 over 2020年 and 年均增长(%)); an empty
 * data cell right of a text cell in the same group is that cell merged across (完成市定目标).
 */
export function readTabbed(rows: readonly RawRow[], doc: DocContext): LayoutResult | null {
  const table = rows.map((r) => tabCells(r.text, trimmedTabs(r, doc)));
  // a first column of categories (类别 | 指标 | 2020年 | 2025年 | 属性): rows are not numbered, the
  // category is printed on its group's first row, and rows below leave that cell empty
  const categoryColumn = CATEGORY_LABEL.test(compactText(table[0]?.[0]?.text ?? ''));
  const headerEnd = categoryColumn ? table.findIndex((cells, i) => i > 0 && isValueRow(cells)) : table.findIndex(isDataStart);
  if (headerEnd <= 0) return null;
  const width = maxOf(table.map((c) => c.length), 0);
  if (categoryColumn) {
    for (let i = headerEnd; i < table.length; i++) {
      const short = width - table[i].length;
      if (short > 0) table[i].unshift(...Array.from({ length: short }, () => ({ text: '', start: 0, end: 0 })));
    }
  }
  const header = table.slice(0, headerEnd);
  // levels per column: group rows fill their empty cells from the left
  const levels: string[][] = Array.from({ length: width }, () => []);
  header.forEach((cells, level) => {
    let carry = '';
    for (let j = 0; j < width; j++) {
      const t = compactText(cells[j]?.text ?? '');
      const last = level === header.length - 1;
      if (t !== '') carry = t;
      const label = t !== '' ? t : last ? '' : carry;
      if (label !== '' && levels[j][levels[j].length - 1] !== label) levels[j].push(label);
    }
  });
  let nameCol = categoryColumn ? 1 : 0;
  while (!categoryColumn && nameCol + 1 < width && (levels[nameCol + 1].length === 0 || levels[nameCol + 1].every(isIdLabel)) && levels[nameCol].every(isIdLabel)) nameCol++;
  const seqCol = nameCol > 0 && !categoryColumn ? 0 : null;
  const dataCols = Array.from({ length: width - nameCol - 1 }, (_, k) => nameCol + 1 + k);
  const headers: HeaderCell[] = dataCols.map((j) => ({ levels: levels[j] }));
  const roles = headers.map((h) => roleWords(h.levels[h.levels.length - 1] ?? '') ?? roleWords(h.levels[0] ?? ''));
  const valueCol = (k: number) => roles[k] !== 'unit' && roles[k] !== 'attribute';
  const headerKey = rows[0].text.replace(/\s+/g, '');

  const drafts: RowDraft[] = [];
  let category: string | null = null;
  let parent: { seq: string; name: CellDraft } | null = null;
  let children = 0;
  let lastSeq: number | null = null;
  const closeParent = (): void => {
    if (parent !== null && children === 0) {
      doc.report('warning', 'row-without-values', `table row ${parent.seq} ${parent.name.raw} has no values`, parent.name.spans[0]);
    }
    parent = null;
  };
  const spanOf = (i: number, c: TabCell): SourceSpan => textRangeSpan(rows[i], c.start, c.end, doc);
  for (let i = headerEnd; i < rows.length; i++) {
    const cells = table[i];
    const text = rows[i].text;
    if (text.replace(/\s+/g, '') === headerKey) continue;
    const filled = cells.filter((c) => c.text !== '');
    if (filled.length === 0) continue;
    const cat = filled.length === 1 ? filled[0].text.match(CATEGORY) : null;
    if (cat) {
      category = compactText(cat[1]);
      closeParent();
      continue;
    }
    if (categoryColumn && cells[0]?.text) category = compactText(cells[0].text);
    if (cells.length === 1) {
      doc.report('warning', 'row-unparsed', `table line without cells: ${text}`, rows[i].source);
      continue;
    }
    // sequence number: its own column, or the start of the name cell (1. 全区生产总值增速)
    const nameCell = cells[nameCol] ?? { text: '', start: text.length, end: text.length };
    let seq: string | null = null;
    let name = nameCell;
    if (seqCol !== null && isSeqCell(cells[seqCol]?.text ?? '')) seq = cells[seqCol].text;
    else {
      const m = matchSeq(nameCell.text, lastSeq);
      if (m) {
        seq = m.seq;
        const rest = nameCell.text.slice(m.rest);
        name = { text: rest, start: nameCell.end - rest.length, end: nameCell.end };
      }
    }
    const data = dataCols.map((j) => cells[j] ?? { text: '', start: text.length, end: text.length });
    const nameDraft: CellDraft = { raw: name.text, spans: [spanOf(i, name)] };
    if (seq !== null) closeParent();
    if (seq !== null && data.every((c, k) => c.text === '' || !valueCol(k))) {
      // a row with a name and no values: the parent of the sub-rows that follow
      parent = { seq, name: nameDraft };
      children = 0;
      lastSeq = Number(seq);
      continue;
    }
    if (seq !== null) lastSeq = Number(seq);
    const above = parent !== null && children > 0 ? drafts[drafts.length - 1].cells : null;
    const out: Array<CellDraft | null> = [];
    data.forEach((c, k) => {
      if (c.text !== '') return void out.push({ raw: c.text, spans: [spanOf(i, c)] });
      const left = k > 0 ? out[k - 1] : null;
      const sameGroup = k > 0 && (headers[k].levels.length < 2 || headers[k].levels[0] === headers[k - 1].levels[0]);
      if (valueCol(k) && k > 0 && valueCol(k - 1) && left && sameGroup && parseQuantity(left.raw).kind === 'text') {
        return void out.push({ ...left, merged: true });
      }
      const a = above?.[k];
      if (valueCol(k) && a && parseQuantity(a.raw).kind === 'text') return void out.push({ ...a, merged: true });
      out.push({ raw: '', spans: [spanOf(i, c)] });
    });
    const rowSeq = parent !== null ? `${parent.seq}.${++children}` : seq;
    drafts.push({ seq: rowSeq, name: nameDraft, parent: parent?.name ?? null, category, cells: out, source: rows[i].source });
  }
  closeParent();
  return { headers, rows: drafts };
}
