/**
 * Tables drawn with horizontal rules only (三线表: a rule above the header, one under it, one under
 * the last row): the rules give the table's extent and its header, the columns come from the x
 * positions of the text, where a gap stays empty down every body row (never from runs of spaces).
 * View space throughout (see pdf-geometry.ts).
 */
import type { PdfItem, PdfRule } from './pdf-geometry.js';
import { mergeCollinear, type Grid, type TableCellText } from './pdf-grid.js';
import { groupLines, itemCentreY, joinLines } from './pdf-lines.js';

export interface OpenTable {
  grid: Grid;
  cells: TableCellText[];
  /** the items the table holds */
  items: Set<PdfItem>;
}

/** Rules closer than this are one (a double stroke). */
const SNAP = 2;
/** A column gap at least this wide, as a fraction of the font size. */
const MIN_GAP = 0.8;

/** Horizontal rules of the same extent stacked on the page: top, header rule(s), bottom. */
function ruleStacks(rules: readonly PdfRule[]): PdfRule[][] {
  const hs = mergeCollinear(
    rules.filter((r) => r.y1 - r.y0 < 0.5),
    true,
  )
    .filter((r) => r.x1 - r.x0 >= 100)
    .sort((a, b) => a.y0 - b.y0);
  const stacks: PdfRule[][] = [];
  for (const r of hs) {
    const s = stacks.find((st) => Math.abs(st[0].x0 - r.x0) <= SNAP && Math.abs(st[0].x1 - r.x1) <= SNAP);
    if (!s) stacks.push([r]);
    else if (r.y0 - s[s.length - 1].y0 > SNAP) s.push(r);
  }
  return stacks.filter((s) => s.length >= 2);
}

/** x ranges no item covers in any of the lines: the gaps between columns, left to right. */
function columnGaps(lines: readonly PdfItem[][], x0: number, x1: number): Array<[number, number]> {
  const spans = lines
    .flat()
    .filter((it) => !it.space)
    .map((it): [number, number] => [it.x, it.right])
    .sort((a, b) => a[0] - b[0]);
  const size = Math.min(...lines.flat().map((it) => it.size));
  const gaps: Array<[number, number]> = [];
  let reach = x0;
  for (const [a, b] of spans) {
    if (a - reach >= MIN_GAP * size && reach > x0) gaps.push([reach, a]);
    reach = Math.max(reach, b);
  }
  return gaps.filter(([, b]) => b < x1);
}

/** A printed page number (— 11 —): the end of the page's content. */
const PAGE_NUMBER = /^[—–\-－]?\s*\d{1,4}\s*[—–\-－]?$/;

/** Items of one visual line each, top to bottom (as groupLines forms them). */
function itemLines(items: readonly PdfItem[]): PdfItem[][] {
  const lines = groupLines(items);
  const out: PdfItem[][] = lines.map(() => []);
  for (const it of items) {
    const cy = itemCentreY(it);
    let k = lines.findIndex((l) => cy >= l.top - 1 && cy <= l.bottom + 1);
    if (k < 0) k = lines.reduce((best, l, i) => (Math.abs((l.top + l.bottom) / 2 - cy) < Math.abs((lines[best].top + lines[best].bottom) / 2 - cy) ? i : best), 0);
    out[k].push(it);
  }
  return out.filter((l) => l.some((it) => !it.space));
}

/**
 * Find the tables drawn with horizontal rules only among the rules no grid used and the items
 * no grid holds. A stack needs a header rule (three rules or more) and at least two columns.
 */
export function findOpenTables(rules: readonly PdfRule[], items: readonly PdfItem[]): OpenTable[] {
  const out: OpenTable[] = [];
  for (const stack of ruleStacks(rules)) {
    const { x0, x1 } = stack[0];
    const top = stack[0].y0;
    const headerEnd = stack[1].y0;
    const within = (it: PdfItem): boolean => {
      const cx = (it.x + it.right) / 2;
      return cx >= x0 - SNAP && cx <= x1 + SNAP;
    };
    const head = itemLines(items.filter((it) => within(it) && itemCentreY(it) > top && itemCentreY(it) < headerEnd));
    if (head.length === 0) continue;
    let bottom: number;
    let body: PdfItem[][];
    if (stack.length >= 3) {
      bottom = stack[stack.length - 1].y0;
      body = itemLines(items.filter((it) => within(it) && itemCentreY(it) >= headerEnd && itemCentreY(it) < bottom));
    } else {
      // no rule under the last row: the table goes on to the next page; its rows are the lines
      // below the header down to the page number or to a line of running text (one piece across
      // half the table)
      body = [];
      for (const line of itemLines(items.filter((it) => within(it) && itemCentreY(it) >= headerEnd))) {
        const text = line.filter((it) => !it.space);
        if (text.some((it) => it.right - it.x > (x1 - x0) / 2) || (text.length === 1 && PAGE_NUMBER.test(text[0].str.trim()))) break;
        body.push(line);
      }
      bottom = body.length > 0 ? Math.max(...body[body.length - 1].map((it) => it.y + it.size * 0.3)) : headerEnd;
    }
    const table = tableFrom(head, body, { x0, x1, top, headerEnd, bottom });
    if (table) out.push(table);
  }
  return out;
}

/** The table of header lines and body lines inside [x0, x1], the header ending at headerEnd: columns from the body's gaps. */
function tableFrom(head: readonly PdfItem[][], body: readonly PdfItem[][], box: { x0: number; x1: number; top: number; headerEnd: number; bottom: number }): OpenTable | null {
  const { x0, x1, top, headerEnd, bottom } = box;
  if (head.length === 0 || body.length < 2) return null;
  const inside = [...head.flat(), ...body.flat()];
  const gaps = columnGaps(body, x0, x1);
  if (gaps.length === 0) return null;
  const xs = [x0, ...gaps.map(([a, b]) => (a + b) / 2), x1];
  const colOf = (x: number): number => Math.max(0, xs.findIndex((b, i) => i > 0 && x < b) - 1);
  // rows: each header line; each body line, a line holding one cell right of the first column
  // being the rest of a cell wrapped inside its column (a long name)
  const rows: Array<{ items: PdfItem[][]; top: number; bottom: number }> = [];
  const ys: number[] = [top];
  // header labels by their left edge (a group label is centred over the columns it spans), body cells by their centre
  const addRow = (line: PdfItem[], header: boolean, continued: (filled: Set<number>) => boolean): void => {
    const cells: PdfItem[][] = Array.from({ length: xs.length - 1 }, () => []);
    for (const it of line) if (!it.space) cells[colOf(header ? it.x + 1 : (it.x + it.right) / 2)].push(it);
    const filled = new Set(cells.flatMap((c, k) => (c.length > 0 ? [k] : [])));
    const ltop = Math.min(...line.map((it) => it.y - it.size));
    const lbottom = Math.max(...line.map((it) => it.y + it.size * 0.2));
    const prev = rows[rows.length - 1];
    if (prev && continued(filled)) {
      cells.forEach((c, k) => prev.items[k].push(...c));
      prev.bottom = lbottom;
      return;
    }
    rows.push({ items: cells, top: ltop, bottom: lbottom });
  };
  const filledOf = (row: { items: PdfItem[][] }): Set<number> => new Set(row.items.flatMap((c, k) => (c.length > 0 ? [k] : [])));
  // a header line that fills none of the columns of the line above is the same row, set lower
  // (序号, 指标 centred between a group label above and its leaves below)
  head.forEach((l) => addRow(l, true, (filled) => [...filled].every((k) => !filledOf(rows[rows.length - 1]).has(k))));
  const headerRows = rows.length;
  // a body line holding one cell right of the first column is the rest of a cell wrapped inside its column
  body.forEach((l, i) => addRow(l, false, (filled) => i > 0 && filled.size === 1 && !filled.has(0)));
  for (let r = 1; r < rows.length; r++) ys.push(r === headerRows ? headerEnd : (rows[r - 1].bottom + rows[r].top) / 2);
  ys.push(bottom);
  const cells: TableCellText[] = [];
  rows.forEach((row, r) => {
    row.items.forEach((its, c) => {
      // a header label over several columns (a group label) spans the columns its text crosses
      const left = its.length > 0 ? Math.min(...its.map((it) => it.x)) : 0;
      const right = its.length > 0 ? Math.max(...its.map((it) => it.right)) : 0;
      if (cells.some((cell) => cell.row === r && cell.col < c && cell.col + cell.colSpan > c)) return;
      // up to the last column its text reaches, never over a column that holds text of its own
      let colSpan = 1;
      const reach = r < headerRows && its.length > 0 ? colOf(right - 1) : c;
      while (c + colSpan <= reach && row.items[c + colSpan].length === 0) colSpan++;
      const text = joinLines(groupLines(its).map((l) => l.text));
      cells.push({ row: r, col: c, rowSpan: 1, colSpan, x0: xs[c], x1: xs[c + colSpan], top: ys[r], bottom: ys[r + 1], text });
    });
  });
  return { grid: { x0, x1, top, bottom, xs, ys, cells }, cells, items: new Set(inside) };
}

/** A table title: 表1 …, or a line naming an indicator table (…主要指标, …指标表). */
const TITLE = /^附?表\s*\d{1,3}|(?:主要指标|指标体系|指标表|一览表|情况表)(?:（[^）]{1,8}）)?$/;
/** A body row starts with a sequence number or a category marker (1 / 1. / 一、). */
const ROW_START = /^(?:\d{1,3}(?:[.、．]|$)|[一二三四五六七八九十]+、)/;
const NOTE = /^(?:注|备注|说明|资料来源|数据来源)\s*\d?\s*[：:]/;

/**
 * Tables drawn without any rule, after their title: the lines below it down to a note, a line of
 * running text or the page number; header lines until the first line that starts a row with a
 * number or a category; columns where a gap stays empty down every body row. A table that runs
 * to the end of the page is left to the text readers (its continuation has no title to find it by).
 */
export function findUnruledTables(items: readonly PdfItem[]): OpenTable[] {
  const lines = itemLines(items);
  if (lines.length === 0) return [];
  const textOf = (l: readonly PdfItem[]): string => joinLines(groupLines(l).map((g) => g.text));
  const left = Math.min(...items.map((it) => it.x));
  const right = Math.max(...items.map((it) => it.right));
  const out: OpenTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const title = textOf(lines[i]);
    if (!TITLE.test(title) || title.length > 60 || /[。；]/.test(title)) continue;
    let j = i + 1;
    let ended = false;
    for (; j < lines.length; j++) {
      const pieces = lines[j].filter((it) => !it.space);
      const t = textOf(lines[j]);
      if (NOTE.test(t) || pieces.some((it) => it.right - it.x > (right - left) / 2)) {
        ended = true;
        break;
      }
      if (pieces.length === 1 && PAGE_NUMBER.test(t)) break;
    }
    const run = lines.slice(i + 1, j);
    const b = run.findIndex((l) => ROW_START.test(textOf([...l].sort((p, q) => p.x - q.x).slice(0, 1))));
    if (!ended || b <= 0) continue;
    const head = run.slice(0, b);
    const body = run.slice(b);
    const all = run.flat().filter((it) => !it.space);
    const x0 = Math.min(...all.map((it) => it.x)) - 1;
    const x1 = Math.max(...all.map((it) => it.right)) + 1;
    const lineTop = (l: readonly PdfItem[]): number => Math.min(...l.map((it) => it.y - it.size));
    const lineBottom = (l: readonly PdfItem[]): number => Math.max(...l.map((it) => it.y + it.size * 0.2));
    const table = tableFrom(head, body, { x0, x1, top: lineTop(run[0]), headerEnd: (lineBottom(head[head.length - 1]) + lineTop(body[0])) / 2, bottom: lineBottom(run[run.length - 1]) });
    // a table has at least three columns: two are a list
    if (table && table.grid.xs.length >= 4) {
      out.push(table);
      i = j - 1;
    }
  }
  return out;
}
