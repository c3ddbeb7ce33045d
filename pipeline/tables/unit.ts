/**
 * Units of measure: the trailing parentheses of an indicator name (`生产总值（亿元）`,
 * `(元/人, 2020年价格)`) or a unit column's cell.
 */

const MAGNITUDE = '[十百千万亿]*';
const BASE_UNITS = [
  '个百分点', '百分点', '吨标准煤', '标准煤', '微克/立方米', '毫克/立方米', '平方公里', '平方千米', '平方米', '立方米', '千瓦时', '千瓦', '公顷', '公里', '千米', '公斤', '千克',
  '人次', '美元', '元', '吨', '人', '件', '个', '岁', '年', '天', '日', '月', '亩', '米', '户', '家', '辆', '张', '床', '所', '座', '项', '次', '小时', '升', '克', '度', '倍', '台', '套', '条', '处', '栋', '间', '名', '位', '篇', '册', '株', '头', '只', '标箱', '艘', '架', '班', '床位', '万',
  '%', '‰', '％', 'm²', 'm³', 'm2', 'm3', 'km', 'km²', 'kg', 't', 'kWh', 'kW', 'MW', 'GW', 'mg/L', 'μg/m³', 'ug/m3', 'TEU',
];
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ATOM = `(?:\\d+(?:\\.\\d+)?)?${MAGNITUDE}(?:${[...BASE_UNITS].sort((a, b) => b.length - a.length).map(esc).join('|')})`;
/** The grammar of a (normalized) unit text. */
export const UNIT_GRAMMAR = new RegExp(`^(?:每)?${ATOM}(?:[/／]${ATOM})*$`, 'u');

/** The last units of the base units: a unit text, which ends with one of them, ends with one of these. */
const UNIT_ENDS = new Set(BASE_UNITS.map((u) => u.charCodeAt(u.length - 1)));

/** What normalizeUnit rewrites: whitespace, a full-width percent or slash. */
const UNIT_REWRITE = /[\s％／]/;

/** Normalized unit text: no spaces, half-width percent and slash. */
export function normalizeUnit(text: string): string {
  if (!UNIT_REWRITE.test(text)) return text;
  return text.replace(/\s+/g, '').replace(/％/g, '%').replace(/／/g, '/');
}

/** True when the text is a unit of measure (亿元, %, 元/人, 微克/立方米), not words like DOTS or 城乡居民. */
export function isUnit(text: string): boolean {
  const t = normalizeUnit(text);
  // most texts asked about (a unit followed by the next words) end in no base unit: no grammar run for them
  return t.length > 0 && UNIT_ENDS.has(t.charCodeAt(t.length - 1)) && UNIT_GRAMMAR.test(t);
}

export interface NameUnit {
  name: string;
  unit: string | null;
  /** the rest of the unit parentheses, e.g. 2020年价格 */
  unitNote: string | null;
}

interface Paren {
  start: number;
  end: number;
  inner: string;
}

/** Top-level parenthesized groups of the text, (…) or （…）, in order. */
function parens(text: string): Paren[] {
  const out: Paren[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '）' || c === ')') && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
    }
  }
  return out;
}

/** The unit part of a parenthesis' content, with what follows a comma as a note. */
function unitOf(inner: string): { unit: string; note: string | null } | null {
  const [head, ...rest] = inner.split(/[,，;；]/);
  if (!isUnit(head)) return null;
  const note = rest.join('，').trim();
  return { unit: normalizeUnit(head), note: note === '' ? null : note };
}

/**
 * Split a (compacted) indicator name into name and unit. Only the trailing run of
 * parentheses is looked at; the last one that holds a unit wins, so
 * 基本养老保险参保率（%）（城乡居民、…） → unit %, and 现代结核病策略（DOTS）覆盖率（%） → %.
 */
export function splitNameUnit(text: string): NameUnit {
  const t = text.trim();
  const groups = parens(t);
  // trailing run: groups with nothing but other groups after them
  let firstTrailing = groups.length;
  let end = t.length;
  for (let i = groups.length - 1; i >= 0; i--) {
    if (t.slice(groups[i].end, end).trim() !== '') break;
    firstTrailing = i;
    end = groups[i].start;
  }
  for (let i = groups.length - 1; i >= firstTrailing; i--) {
    const u = unitOf(groups[i].inner);
    if (u) {
      const name = (t.slice(0, groups[i].start) + t.slice(groups[i].end)).trim();
      return { name, unit: u.unit, unitNote: u.note };
    }
  }
  return { name: t, unit: null, unitNote: null };
}
