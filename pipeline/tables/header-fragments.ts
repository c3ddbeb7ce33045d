import { compactText } from './cell-text.js';
import { isIdLabel, roleWords } from './header.js';

/** A piece of header text as laid out on the page, with its position in a row's text. */
export interface Fragment {
  text: string;
  row: number;
  start: number;
  end: number;
}

/** Whitespace-separated pieces of a line, with offsets. */
export function splitPieces(text: string, row: number): Fragment[] {
  const out: Fragment[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ text: m[0], row, start: m.index, end: m.index + m[0].length });
  return out;
}

const HAN = /\p{Script=Han}/u;

/**
 * Header fragments of one line: pieces, with `2015` + `年…` rejoined and letter-spaced
 * labels (指 标) rejoined.
 */
export function headerFragments(text: string, row: number): Fragment[] {
  const out: Fragment[] = [];
  let prevSingle = false;
  for (const p of splitPieces(text, row)) {
    const prev = out[out.length - 1];
    const single = [...p.text].length === 1 && HAN.test(p.text);
    const joinYear = prev !== undefined && /^\d{4}$/.test(prev.text) && p.text.startsWith('年');
    const joinLetters = prev !== undefined && single && prevSingle;
    if (joinYear || joinLetters) out[out.length - 1] = { ...prev, text: prev.text + p.text, end: p.end };
    else out.push(p);
    prevSingle = single;
  }
  return out;
}

const TERMINAL = /(基数|目标|目标值|完成值|完成|计划|属性|绝对值|单位|预计数|预计)$/;
const YEAR_START = /^(?:19|20)\d{2}\s*年/;
const PAREN_ONLY = /^[（(][^）)]*[）)]$/;

export interface HeaderGroup {
  text: string;
  fragments: Fragment[];
}

/**
 * Group the fragments of a header printed cell by cell over several lines (PDF text:
 * `2015 年` / `基数` / `2020 年` / `目标` / `年均增速` / `（%）` …) into column labels.
 * A label ends at a terminal word (基数, 目标, 完成值, 属性 …); a year or a word of another
 * role starts a new one; a parenthesis (a unit) stays with the label before it.
 */
export function groupHeaderFragments(fragments: readonly Fragment[]): HeaderGroup[] {
  const groups: HeaderGroup[] = [];
  let cur: HeaderGroup | null = null;
  for (const f of fragments) {
    const t = compactText(f.text);
    if (cur !== null && PAREN_ONLY.test(t)) {
      cur.text += t;
      cur.fragments.push(f);
      continue;
    }
    const curRole = cur === null ? null : roleWords(cur.text);
    const role = roleWords(t);
    const startsNew =
      cur === null ||
      isIdLabel(t) ||
      isIdLabel(cur.text) ||
      TERMINAL.test(cur.text) ||
      (YEAR_START.test(t) && (curRole !== null || YEAR_START.test(cur.text))) ||
      (role !== null && curRole !== null && role !== curRole) ||
      role === 'attribute' ||
      role === 'unit';
    if (startsNew) {
      cur = { text: t, fragments: [f] };
      groups.push(cur);
    } else if (cur !== null) {
      cur.text += t;
      cur.fragments.push(f);
    }
  }
  return groups;
}

/**
 * A header laid out row by row, as PDF text extraction gives it: each line holds one fragment per
 * column (`2015 年 2020 年 年均增速 2020 年` / `序号 指标名称 指标属性` / `基数 目标 （%） 完成值`).
 * When at least two lines hold the same number of value fragments, column j's label is fragment j of
 * each such line, top to bottom; id labels (序号, 指标名称) and the attribute label come from where
 * they stand. Null when the header is not laid out that way (one cell per line, as in 000's text).
 */
export function stackedHeaderLabels(lines: readonly string[]): HeaderGroup[] | null {
  const perLine = lines.map((text, row) => {
    const fragments = headerFragments(text, row);
    return {
      ids: fragments.filter((f) => isIdLabel(f.text)),
      attribute: fragments.filter((f) => roleWords(compactText(f.text)) === 'attribute'),
      values: fragments.filter((f) => !isIdLabel(f.text) && roleWords(compactText(f.text)) !== 'attribute'),
    };
  });
  const counts = new Map<number, number>();
  for (const l of perLine) if (l.values.length >= 2) counts.set(l.values.length, (counts.get(l.values.length) ?? 0) + 1);
  const stacked = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (!stacked) return null;
  const k = stacked[0];
  // every line with value fragments must be part of the grid, or the reading is not safe
  if (perLine.some((l) => l.values.length > 0 && l.values.length !== k)) return null;
  const ids = perLine.flatMap((l) => l.ids).map((f) => ({ text: compactText(f.text), fragments: [f] }));
  const columns: HeaderGroup[] = Array.from({ length: k }, (_, j) => {
    const fragments = perLine.filter((l) => l.values.length === k).map((l) => l.values[j]);
    return { text: fragments.map((f) => compactText(f.text)).join(''), fragments };
  });
  const attribute = perLine.flatMap((l) => l.attribute).map((f) => ({ text: compactText(f.text), fragments: [f] }));
  return [...ids, ...columns, ...attribute];
}
