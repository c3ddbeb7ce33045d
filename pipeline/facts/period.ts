/**
 * The year or years a statement is about, from what the text says before it in its sentence
 * (2024年，… · 2016—2020年 · “十三五”期间 · 今年 / 去年), else from the headings above it
 * (一、2020年工作回顾 → 2020). Comparisons (比上年, 较去年) are not periods.
 */
export interface Period {
  start: number;
  end: number;
}

export interface PeriodRead {
  period: Period | null;
  /** when the period is a plan's last year: the whole plan */
  plan?: Period;
  /** what it was read from: 2024年, 今年, 十四五, heading:2020年 */
  text: string | null;
}

const NUMERAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十四五 → 2021–2025 (the plans run in five-year steps from 1966 since the third). */
export function fiveYearPlan(n: number): Period | null {
  if (n < 3 || n > 20) return null;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

function planNumber(s: string): number {
  if (s.startsWith('十')) return 10 + (s.length > 1 ? NUMERAL[s[1]] : 0);
  return NUMERAL[s];
}

const RANGE = /(\d{4})\s*[-—–－~～至到]\s*(\d{4})\s*年/gu;
const YEAR = /(?<![\d\-—–－~～比较与同是于])(\d{4})\s*年(?!\s*[-—–－~～至到]\s*\d)(?!以来|起|前|后|价格|不变价)/gu;
const PLAN = /(?<![比较与同是于]“?)“?(十[一二三四五六七八九]?|[三四五六七八九])五”?(规划|计划)?(期间|时期|期末|末|以来)?/gu;
const RELATIVE = /(?<![比较同上])(今年|明年|去年|上年)/gu;

interface Hit {
  index: number;
  period: Period;
  text: string;
  /** for a plan's last year (“十四五”末): the whole plan period, which a 累计 total covers */
  plan?: Period;
}

/** The last period named in the text (explicit years and plan numbers only). */
export function lastNamedPeriod(text: string): Hit | null {
  const hits: Hit[] = [];
  // every year and range ends in 年, every plan number is a 五
  if (text.includes('年')) {
    for (const m of text.matchAll(RANGE)) hits.push({ index: m.index, period: { start: Number(m[1]), end: Number(m[2]) }, text: m[0] });
    for (const m of text.matchAll(YEAR)) {
      const y = Number(m[1]);
      if (y >= 1949 && y <= 2100) hits.push({ index: m.index, period: { start: y, end: y }, text: m[0] });
    }
  }
  if (text.includes('五')) {
    for (const m of text.matchAll(PLAN)) {
      if (m[2] === undefined && m[3] === undefined && !m[0].startsWith('“')) continue;
      const p = fiveYearPlan(planNumber(m[1]));
      // “十四五”末: the plan's last year
      const atEnd = m[3] === '末' || m[3] === '期末';
      if (p) hits.push({ index: m.index, period: atEnd ? { start: p.end, end: p.end } : p, text: `${m[1]}五${atEnd ? '末' : ''}`, ...(atEnd ? { plan: p } : {}) });
    }
  }
  hits.sort((a, b) => a.index - b.index);
  return hits.at(-1) ?? null;
}

/** A year the statement's surroundings give: the headings above it, or the sentences just before. */
export interface ContextYear {
  year: number;
  /** a plan's years, for a review of the whole plan (——五年…, under a heading that names 十三五) */
  span?: Period;
  /** the year the section reviews (一、2009年工作回顾), which 去年 means when the report's year is unknown */
  reviewed?: boolean;
  /** heading:2020年, nearby:2016年 */
  text: string;
}

/**
 * The period of a statement: `lead` is its sentence up to the value, `context` the year its
 * surroundings give, `reportYear` the document's year when known.
 */
export function periodOf(lead: string, context: ContextYear | null, reportYear: number | null): PeriodRead {
  const headingYear = context?.year ?? null;
  const named = lastNamedPeriod(lead);
  const relative = [...lead.matchAll(RELATIVE)].at(-1);
  if (named && (!relative || named.index > relative.index)) return { period: named.period, text: named.text, ...(named.plan ? { plan: named.plan } : {}) };
  if (relative) {
    const base = reportYear ?? headingYear;
    if (base === null) return { period: null, text: null };
    const last = reportYear !== null ? base - 1 : context?.reviewed ? base : null;
    const y = relative[1] === '今年' ? (reportYear ?? (context?.reviewed ? null : base)) : relative[1] === '明年' ? base + 1 : last;
    return y === null ? { period: null, text: null } : { period: { start: y, end: y }, text: relative[1] };
  }
  if (context !== null) return { period: context.span ?? { start: context.year, end: context.year }, text: context.text };
  return { period: null, text: null };
}
