import type { DocContext } from '../../core/context.js';
import type { RawRow } from '../../schemas/table.js';
import { joinWrapped } from './cell-text.js';
import { ATTRIBUTE_WORD, CATEGORY, type CellDraft, type LayoutResult, type RowDraft } from './draft.js';
import { groupHeaderFragments, headerFragments, stackedHeaderLabels } from './header-fragments.js';
import { isIdLabel, roleWords, type HeaderCell } from './header.js';
import { textRangeSpan } from './row-span.js';
import { LineIndex } from '../../core/provenance/line-index.js';
import { matchSeq } from './seq.js';
import { parseQuantity } from './quantity.js';
import { tokenizeLine, type Token } from './tokens.js';
import { pushAll } from '../../core/arrays.js';

const MAX_HEADER_LINE = 40;
const compactKey = (s: string): string => s.replace(/\s+/g, '');

/** A record: the tokens of one indicator row, from its name to its attribute. */
interface Rec {
  name: Token[];
  values: Token[];
  attribute: Token | null;
}

interface Group {
  seq: string | null;
  /** where the sequence number stands: row index and its end offset */
  seqAt: { row: number; end: number } | null;
  category: string | null;
  tokens: Token[];
  rows: number[];
}

/**
 * Reader for PDF text where cells are separated by spaces and broken over lines (000):
 * the header's fragments are grouped into labels; rows start at a sequence number; the
 * attribute word (预期性/约束性) ends a row; the column count is known from the header, so
 * cells broken over lines are rejoined and a cell merged over sub-rows is repeated.
 */
export function readSpaced(rows: readonly RawRow[], doc: DocContext): LayoutResult | null {
  const headerEnd = rows.findIndex((r) => CATEGORY.test(r.text) || matchSeq(r.text, null) !== null);
  if (headerEnd <= 0) return null;
  const headerRows = rows.slice(0, headerEnd);
  // a header is labels, not prose
  if (headerRows.some((r) => compactKey(r.text).length > MAX_HEADER_LINE)) return null;
  const labels = stackedHeaderLabels(headerRows.map((r) => r.text)) ?? groupHeaderFragments(headerRows.flatMap((r, i) => headerFragments(r.text, i)));
  let firstData = 0;
  while (firstData < labels.length && isIdLabel(labels[firstData].text)) firstData++;
  const headers: HeaderCell[] = labels.slice(firstData).map((g) => ({ levels: [g.text] }));
  if (headers.length === 0) return null;
  const hasAttribute = roleWords(labels[labels.length - 1].text) === 'attribute';
  const valueCount = headers.length - (hasAttribute ? 1 : 0);

  const span = (t: Token) => textRangeSpan(rows[t.row], t.start, t.end, doc);
  const cellOf = (toks: readonly Token[]): CellDraft => ({ raw: joinWrapped(toks.map((t) => t.text)), spans: toks.map(span) });

  // body lines into groups, each starting at a sequence number
  const headerKeys = headerRows.map((r) => compactKey(r.text));
  const groups: Group[] = [];
  let category: string | null = null;
  let lastSeq: number | null = null;
  for (let i = headerEnd; i < rows.length; i++) {
    const text = rows[i].text;
    if (compactKey(text) === headerKeys[0]) {
      // a header repeated after a page break: skip as much of it as matches
      let j = 1;
      while (j < headerKeys.length && i + j < rows.length && compactKey(rows[i + j].text) === headerKeys[j]) j++;
      i += j - 1;
      continue;
    }
    const cat = text.match(CATEGORY);
    if (cat) {
      category = joinWrapped([cat[1]]);
      groups.push({ seq: null, seqAt: null, category, tokens: [], rows: [] });
      continue;
    }
    const seq = matchSeq(text, lastSeq);
    if (seq) {
      lastSeq = Number(seq.seq);
      const tokens = tokenizeLine(text, i, seq.rest);
      // a name printed on two lines around its row, the cells centred between them (PDF text):
      // 高新技术产业增加值占规上工 / 8 43.1 40 以上 — 35 预期性 / 业比重（%）
      const prev = groups[groups.length - 1];
      if (tokens.length > 0 && !tokens[0].isText && prev !== undefined) tokens.unshift(...takeTrailingName(prev));
      groups.push({ seq: seq.seq, seqAt: { row: i, end: seq.seq.length }, category, tokens, rows: [i] });
      continue;
    }
    const g = groups[groups.length - 1];
    if (g === undefined) {
      doc.report('warning', 'row-unparsed', `table row before any numbered row: ${text}`, rows[i].source);
      continue;
    }
    pushAll(g.tokens, tokenizeLine(text, i));
    g.rows.push(i);
  }

  const drafts: RowDraft[] = [];
  for (const g of groups) {
    if (g.seq === null && g.tokens.length === 0) continue;
    const recs = records(g, hasAttribute, valueCount, (t) => doc.report('warning', 'row-unparsed', `table text not in any row: ${t.text}`, span(t)));
    if (recs.length === 0) continue;
    let parent: CellDraft | null = null;
    if (recs.length > 1) {
      const first = recs[0];
      const valueRow = first.values[0]?.row ?? first.attribute?.row;
      let own = first.name.filter((t) => t.row === valueRow);
      if (own.length === 0 && first.name.length > 1) own = first.name.slice(-1);
      const parentToks = first.name.slice(0, first.name.length - own.length);
      if (parentToks.length > 0) {
        parent = cellOf(parentToks);
        first.name = own;
      }
    }
    let prevCells: Array<CellDraft | null> | null = null;
    recs.forEach((rec, k) => {
      const seq = parent === null ? (k === 0 ? g.seq : `${g.seq ?? ''}.${k}`) : `${g.seq ?? ''}.${k + 1}`;
      const all = [...rec.name, ...rec.values, ...(rec.attribute ? [rec.attribute] : [])].map(span);
      if (k === 0 && parent === null && g.seqAt !== null) all.unshift(textRangeSpan(rows[g.seqAt.row], 0, g.seqAt.end, doc));
      const source = LineIndex.join(all);
      const cells = fit(rec.values, valueCount, parent !== null ? prevCells : null, cellOf, (code, message) => doc.report('warning', code, message, source));
      if (hasAttribute) cells.push(rec.attribute ? cellOf([rec.attribute]) : null);
      drafts.push({ seq, name: cellOf(rec.name), parent: parent ?? (k > 0 ? cellOf(recs[0].name) : null), category: g.category, cells, source });
      prevCells = cells;
    });
  }
  return { headers, rows: drafts };
}

/** Split a group's tokens into records: a record ends at its attribute word (or, without one, when its cells are full). */
function records(g: Group, hasAttribute: boolean, valueCount: number, stray: (t: Token) => void): Rec[] {
  const out: Rec[] = [];
  let rec: Rec = { name: [], values: [], attribute: null };
  const toks = g.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    if (!hasAttribute && rec.values.length >= valueCount && prev !== undefined && t.row !== prev.row && t.isText) {
      out.push(rec);
      rec = { name: [], values: [], attribute: null };
    }
    if (hasAttribute && t.isText && ATTRIBUTE_WORD.test(t.text.replace(/\s+/g, '')) && (rec.values.length > 0 || rec.name.length > 0)) {
      rec.attribute = t;
      out.push(rec);
      rec = { name: [], values: [], attribute: null };
      continue;
    }
    if (rec.values.length > 0) {
      rec.values.push(t);
    } else if (t.isText) {
      const last = rec.name[rec.name.length - 1];
      // a word right after the name on its line is a text cell (the tokenizer split them at the unit)
      if (last !== undefined && last.row === t.row) rec.values.push(t);
      else rec.name.push(t);
    } else {
      const next = toks[i + 1];
      // a number that opens a name: 5 岁以下儿童死亡率控制（‰）
      if (rec.name.length === 0 && next !== undefined && next.row === t.row && next.isText && !ATTRIBUTE_WORD.test(next.text)) {
        rec.name.push({ ...next, text: `${t.text} ${next.text}`, start: t.start });
        i++;
      } else {
        rec.values.push(t);
      }
    }
  }
  if (rec.values.length > 0) out.push(rec);
  else if (rec.name.length > 0 && out.length === 1 && out[0].name.length > 0 && out[0].name.every((t) => t.row < out[0].values[0]?.row)) {
    // the second half of a name printed around its row (see takeTrailingName)
    pushAll(out[0].name, rec.name);
  } else for (const t of rec.name) stray(t);
  return out;
}

/**
 * Text lines left after a group's last attribute word belong to the next row's name when that row
 * starts with a number: take them out of the group.
 */
function takeTrailingName(g: Group): Token[] {
  let k = g.tokens.length;
  while (k > 0 && g.tokens[k - 1].isText && !ATTRIBUTE_WORD.test(g.tokens[k - 1].text.replace(/\s+/g, ''))) k--;
  if (k === g.tokens.length || k === 0) return [];
  // only whole lines after the attribute's line
  const lastRow = g.tokens[k - 1].row;
  while (k < g.tokens.length && g.tokens[k].row === lastRow) k++;
  const taken = g.tokens.splice(k);
  g.rows = g.rows.filter((r) => !taken.some((t) => t.row === r));
  return taken;
}

/**
 * Fit a record's value tokens to the value columns: text broken over lines is rejoined
 * (按下达目标确 / 定); when cells are missing and the sub-row above has a text cell, that
 * cell was merged over the rows and is repeated here.
 */
function fit(
  tokens: readonly Token[],
  count: number,
  above: ReadonlyArray<CellDraft | null> | null,
  cellOf: (toks: readonly Token[]) => CellDraft,
  report: (code: string, message: string) => void,
): Array<CellDraft | null> {
  let items: Token[][] = tokens.map((t) => [t]);
  const isTextItem = (it: Token[]) => it.every((t) => t.isText);
  while (items.length > count) {
    let at = items.findIndex((it, i) => i + 1 < items.length && isTextItem(it) && isTextItem(items[i + 1]) && it[it.length - 1].row !== items[i + 1][0].row);
    if (at < 0) at = items.findIndex((it, i) => i + 1 < items.length && isTextItem(it) && isTextItem(items[i + 1]));
    if (at < 0) break;
    items = [...items.slice(0, at), [...items[at], ...items[at + 1]], ...items.slice(at + 2)];
  }
  if (items.length > count) {
    report('cells-extra', `row has ${items.length} cells for ${count} columns; the first ${items.length - count} were left out: ${items.slice(0, items.length - count).flat().map((t) => t.text).join(' ')}`);
    items = items.slice(items.length - count);
  }
  const cells: Array<CellDraft | null> = [];
  const missing = count - items.length;
  const mergedCols = new Set<number>();
  if (missing > 0 && above !== null) {
    const candidates = above.flatMap((c, j) => (c !== null && j < count && isTextCell(c) ? [j] : []));
    if (candidates.length >= missing) for (const j of candidates.slice(0, missing)) mergedCols.add(j);
  }
  if (missing > 0 && mergedCols.size < missing) {
    report('cells-missing', `row has ${items.length} cells for ${count} columns; the last ${missing} are left empty`);
  }
  let next = 0;
  for (let j = 0; j < count; j++) {
    const a = above?.[j];
    if (mergedCols.has(j) && a) cells.push({ ...a, merged: true });
    else cells.push(next < items.length ? cellOf(items[next++]) : null);
  }
  return cells;
}

function isTextCell(c: CellDraft): boolean {
  return parseQuantity(c.raw).kind === 'text';
}
