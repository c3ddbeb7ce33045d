import type { DocContext } from '../../core/context.js';
import type { RawRow } from '../../schemas/table.js';
import type { SourceSpan } from '../../schemas/source.js';
import { ATTRIBUTE_WORD, type CellDraft, type LayoutResult, type RowDraft } from './draft.js';
import type { HeaderCell } from './header.js';
import { textRangeSpan } from './row-span.js';

/**
 * A table whose cells lost their separators (text scraped from a web page):
 *   分类序号指标名称单位2020年2025年指标属性绝对值绝对值年均增速[累计]
 *   国际旅游1旅游业增加值占GDP比重%9.014.0[5]预期性
 * The header's labels give the columns; each row is read as [category] seq name [unit] values
 * attribute. A space is an empty cell. Figures run together (5015024.6%) are split by the
 * quantity grammar, and where several splits fit, by what the row itself says: the growth rate
 * must carry the base to the target, a bracketed cumulative figure must be their difference.
 * A row still open to more than one reading keeps its name, unit and attribute, and its values are
 * left out with a cells-ambiguous warning naming the row.
 */

const LABEL = /^(?:\s+|分类|类别|领域|序号|指标名称|指标|计量单位|单位|(?:19|20)\d{2}年(?:目标|基数)?|指标属性|属性|绝对值|年均增速|年均增长|增速|[[［(（]累计[\]］)）]|目标值?|基期值|规划值)/;
const ATTRIBUTE_END = /(预期性|约束性)\s*$/;
const UNIT_END = /(亿美元|万美元|亿元|万元|元\/平方米|元|万人次|人次|万人|人|万户|户|个|家|床|张|所|项|件|公里|平方米|万平方米|亩|万亩|吨|万吨|兆瓦|千瓦时|%|‰)$/;
const CELL = /^(?:(?:0|[1-9]\d*)(?:\.\d+)?%?|\[(?:0|[1-9]\d*)(?:\.\d+)?\]|—|(?:0|[1-9]\d*)(?:\.\d+)?[-－~～](?:0|[1-9]\d*)(?:\.\d+)?)$/;

interface Columns {
  category: boolean;
  unit: boolean;
  attribute: boolean;
  /** value columns' header levels, e.g. [2020年, 绝对值], [2025年, 年均增速[累计]] */
  values: string[][];
}

/** The columns a run-together header names, or null when the line is not such a header. */
export function runTogetherHeader(text: string): Columns | null {
  const labels: string[] = [];
  let rest = text;
  for (let m = LABEL.exec(rest); m && m[0].length > 0; m = LABEL.exec(rest)) {
    if (m[0].trim() !== '') labels.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  if (rest.trim() !== '' || !labels.includes('序号')) return null;
  const years = labels.filter((l) => /^\d{4}年/.test(l));
  const attrAt = labels.findIndex((l) => /属性/.test(l));
  // labels after 属性 are the second header row: one under each year, the rest under the last year
  const subs = attrAt >= 0 ? labels.slice(attrAt + 1) : [];
  for (let k = subs.length - 1; k > 0; k--) if (/^[[［(（]累计/.test(subs[k])) subs.splice(k - 1, 2, subs[k - 1] + subs[k]);
  if (years.length === 0) return null;
  const values = subs.length >= years.length ? subs.map((s, k) => [years[Math.min(k, years.length - 1)], s]) : years.map((y) => [y]);
  return { category: /^(?:分类|类别|领域)$/.test(labels[0]), unit: labels.some((l) => /单位/.test(l)), attribute: attrAt >= 0, values };
}

const num = (s: string): number | null => (/^\d/.test(s) ? Number(s.replace(/[%\[\]]/g, '')) : /^\[/.test(s) ? Number(s.slice(1, -1)) : null);

/** Every way to cut a run of figures into `n` cells of the quantity grammar. */
function partitions(s: string, n: number): string[][] {
  if (n === 0) return s === '' ? [[]] : [];
  const out: string[][] = [];
  for (let k = 1; k <= s.length; k++) {
    const head = s.slice(0, k);
    if (!CELL.test(head)) continue;
    for (const tail of partitions(s.slice(k), n - 1)) out.push([head, ...tail]);
  }
  return out;
}

/** Does a reading agree with itself: growth from base to target, a bracketed difference? */
function consistent(cells: readonly string[], cols: Columns): boolean {
  const yearOf = (k: number): number => Number(/\d{4}/.exec(cols.values[k][0])?.[0] ?? 0);
  const absolute = cols.values.map((v, k) => (!/增|累计/.test(v[v.length - 1]) ? k : -1)).filter((k) => k >= 0);
  const growthCol = cols.values.findIndex((v) => /增|累计/.test(v[v.length - 1]));
  if (absolute.length < 2 || growthCol < 0) return true;
  const [b, t] = [absolute[0], absolute[absolute.length - 1]];
  const base = num(cells[b]);
  const target = num(cells[t]);
  const g = cells[growthCol];
  if (base === null || target === null || g === '' || g === '—') return true;
  if (/^\[/.test(g)) return Math.abs(target - base - (num(g) ?? NaN)) <= 0.011 * Math.max(1, Math.abs(target - base));
  if (/%$/.test(g) && base > 0) {
    const years = yearOf(t) - yearOf(b);
    const projected = base * (1 + (num(g) ?? NaN) / 100) ** years;
    return Math.abs(projected - target) <= 0.06 * target;
  }
  return true;
}

/** The readings of a row's figures: whitespace is a cell boundary (an empty cell at either end). */
export function readFigures(s: string, cols: Columns): string[][] {
  const n = cols.values.length;
  const lead = /^\s/.test(s);
  const trail = /\s$/.test(s) && s.trim() !== '';
  const groups = s.trim() === '' ? [] : s.trim().split(/\s+/);
  const empties = (lead ? 1 : 0) + (trail ? 1 : 0);
  const out: string[][] = [];
  const spread = (i: number, left: number): string[][] => {
    if (i === groups.length) return left === 0 ? [[]] : [];
    const res: string[][] = [];
    for (let k = 1; k <= left - (groups.length - i - 1); k++) for (const p of partitions(groups[i], k)) for (const rest of spread(i + 1, left - k)) res.push([...p, ...rest]);
    return res;
  };
  for (const cells of spread(0, n - empties)) {
    const full = [...(lead ? [''] : []), ...cells, ...(trail ? [''] : [])];
    if (full.length === n && consistent(full, cols)) out.push(full);
  }
  return out;
}

/** Reader for run-together rows (see the file comment). Null when the first row is not such a header. */
export function readRunTogether(rows: readonly RawRow[], doc: DocContext): LayoutResult | null {
  if (rows.length < 3 || rows.some((r) => r.text.includes('\t'))) return null;
  const cols = runTogetherHeader(rows[0].text);
  if (cols === null || !rows.slice(1).some((r) => ATTRIBUTE_END.test(r.text))) return null;
  const headers: HeaderCell[] = [...(cols.unit ? [{ levels: ['单位'] }] : []), ...cols.values.map((levels) => ({ levels })), ...(cols.attribute ? [{ levels: ['指标属性'] }] : [])];
  const drafts: RowDraft[] = [];
  let lastSeq = 0;
  let category: string | null = null;
  for (const row of rows.slice(1)) {
    const text = row.text;
    const span = (a: number, b: number): SourceSpan => textRangeSpan(row, a, b, doc);
    const cell = (a: number, b: number): CellDraft => ({ raw: text.slice(a, b).trim(), spans: [span(a, b)] });
    const attr = ATTRIBUTE_END.exec(text);
    const end = attr ? attr.index : text.length;
    // [category] seq: the next number of the sequence, after a run of Chinese characters at most
    const expected = String(lastSeq + 1);
    const at = text.indexOf(expected);
    if (at < 0 || at > 8 || !/^[\u4e00-\u9fff]*$/.test(text.slice(0, at))) {
      doc.report('warning', 'cells-ambiguous', `table row “${text}”: no sequence number ${expected} at its start, kept out`, row.source);
      continue;
    }
    if (at > 0) category = text.slice(0, at);
    lastSeq += 1;
    const bodyStart = at + expected.length;
    const body = text.slice(bodyStart, end);
    const m = /^(.*?)([\d.\[\]%—\-－~～\s]*)$/.exec(body)!;
    let nameEnd = bodyStart + m[1].length;
    let figuresStart = nameEnd;
    let unit: [number, number] | null = null;
    if (cols.unit) {
      if (m[2].startsWith('%')) {
        unit = [figuresStart, figuresStart + 1];
        figuresStart += 1;
      } else {
        const u = UNIT_END.exec(m[1]);
        if (u) {
          nameEnd -= u[0].length;
          unit = [nameEnd, nameEnd + u[0].length];
        } else if (/^\s/.test(m[2])) {
          // the space is the empty unit cell
          figuresStart += m[2].length - m[2].trimStart().length;
          unit = [figuresStart, figuresStart];
        }
      }
    }
    const figures = text.slice(figuresStart, end);
    const readings = readFigures(figures, cols);
    const distinct = new Set(readings.map((r) => r.join('|')));
    let values: Array<CellDraft | null>;
    if (distinct.size === 1) {
      let pos = figuresStart;
      values = readings[0].map((c) => {
        if (c === '') return { raw: '', spans: [span(pos, pos)] };
        const a = text.indexOf(c, pos);
        pos = a + c.length;
        return cell(a, pos);
      });
    } else {
      doc.report('warning', 'cells-ambiguous', `table row ${expected} ${text.slice(bodyStart, nameEnd)}: “${figures.trim()}” ${distinct.size === 0 ? 'fits no reading' : `has ${distinct.size} readings (${[...distinct].slice(0, 3).join('; ')})`} of the columns ${cols.values.map((v) => v.join('')).join(', ')}; values left out`, span(figuresStart, end));
      values = cols.values.map(() => null);
    }
    const unitCell = cols.unit ? [unit ? cell(unit[0], unit[1]) : null] : [];
    const attrCell = cols.attribute ? [attr ? cell(attr.index, attr.index + attr[1].length) : null] : [];
    if (attr && !ATTRIBUTE_WORD.test(attr[1])) continue;
    drafts.push({ seq: expected, name: cell(bodyStart, nameEnd), parent: null, category, cells: [...unitCell, ...values, ...attrCell], source: row.source });
  }
  return drafts.length > 0 ? { headers, rows: drafts } : null;
}
