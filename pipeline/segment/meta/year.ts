import { parseNumeral } from '../../../core/text/chinese-numerals.js';
import { isSpaceCode } from '../../../core/text/chars.js';
import { hitAt, type Hit, type TextLine } from './hit.js';
import { fiveYearPeriod } from './five-year-period.js';

const YEAR = '(\\d(?: ?\\d){3}|[〇○Ｏ零一二三四五六七八九]{4})';

/**
 * Year rules over the text when no date is stated, each marked inferred:
 * - the part reviewing a year (2019年工作回顾, 1994年国内工作的回顾, 首先报告2001年的工作, 刚刚过去的2013年,
 *   2016年…计划执行情况) → the report is of the next year;
 * - the part planning a year (2020年县政府工作总体要求, 2025年工作安排, 2004年主要任务, 关于1958年度国民经济计划（草案）的报告,
 *   关于1956年国家预算的报告) → that year.
 */
const RULES: ReadonlyArray<{ re: RegExp; rule: string; offset: number }> = [
  { re: new RegExp(`${YEAR}年(?:国内|全[市县区省]|政府)?工作(?:的)?回顾`), rule: 'review-year', offset: 1 },
  { re: new RegExp(`首先报告${YEAR}年的工作|刚刚过去的${YEAR}年`), rule: 'review-year', offset: 1 },
  { re: new RegExp(`${YEAR}年(?:[\\p{Script=Han}]{0,12}?)(?:计划|规划|预算)执行情况`, 'u'), rule: 'execution-year', offset: 1 },
  { re: new RegExp(`${YEAR}(?:、\\d{4})?年度?(?:[\\p{Script=Han}]{0,10}?)(?:计划|预算)(?:安排)?(?:（草案）|\\(草案\\)|草案)?的报告`, 'u'), rule: 'plan-year', offset: 0 },
  { re: new RegExp(`${YEAR}\\s*年\\s*\\d{1,2}\\s*月就职[^。]{0,12}?(?:已经|整整)?五年`), rule: 'term-years', offset: 5 },
  { re: new RegExp(`^[一二三四五六七八九十、（）()\\s]*${YEAR}年(?:[\\p{Script=Han}]{0,8}?工作(?:的)?)?(?:总体要求|安排|主要任务|建议)`, 'u'), rule: 'plan-year', offset: 0 },
];

const YEAR_END = '0123456789〇○Ｏ零一二三四五六七八九';

/** Some 年 of the text follows the last character of a YEAR (whitespace between allowed): a line without one matches no YEAR年 rule. */
export function writesAYear(text: string): boolean {
  for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
    let j = at - 1;
    while (j >= 0 && isSpaceCode(text.charCodeAt(j))) j--;
    if (j >= 0 && YEAR_END.includes(text[j])) return true;
  }
  return false;
}

function yearOf(m: RegExpExecArray): number | null {
  const g = m.slice(1).find((x) => x !== undefined);
  const y = g === undefined ? null : parseNumeral(g.replace(/ /g, ''));
  return y !== null && y >= 1900 && y <= 2100 ? y : null;
}

/** “十三五”时期…回顾 / “十四五”时期经济社会发展回顾: the plan period just ended, the report is of the year after. */
const PERIOD_REVIEW = /[“"]?十([一二三四五六七八九])五[”"]?(?:时期|期间)[^。]{0,16}回顾/;

export function inferredYearOf(line: TextLine): Hit<number> | null {
  const p = PERIOD_REVIEW.exec(line.text);
  const n = p ? parseNumeral(p[1]) : null;
  const period = n !== null ? fiveYearPeriod(10 + n) : null;
  if (p && period) return hitAt(line, p, period.end + 1, 'period-review-year', { inferred: true });
  if (!writesAYear(line.text)) return null; // every rule below names a year: YEAR年
  for (const { re, rule, offset } of RULES) {
    const m = re.exec(line.text);
    const y = m ? yearOf(m) : null;
    if (m && y !== null) return hitAt(line, m, y + offset, rule, { inferred: true });
  }
  return null;
}

/** A title that names the year of a work report: 2022年保定市政府工作报告, 高阳县2018年政府工作报告. */
export function titleYearOf(title: TextLine): Hit<number> | null {
  const m = new RegExp(`${YEAR}年(?:[\\p{Script=Han}]{0,12}?)政府工作报告`, 'u').exec(title.text);
  const y = m ? yearOf(m) : null;
  return m && y !== null ? hitAt(title, m, y, 'title-year') : null;
}

/** A review heading that names no year (一、过去一年工作回顾, 一、去年工作回顾) whose first line opens with the year (2004年，…). */
const YEARLESS_REVIEW = /^[\s一二三四五六七八九十、]*(?:过去一年|去年|一年来)(?:的)?工作回顾\s*$/;
const OPENS_WITH_YEAR = new RegExp(`^\\s*${YEAR}年(?:[，,]|是)`);
/** The opening calls the past year by its number: 1986年是开始执行第七个五年计划并取得显著成就的一年. */
const PAST_YEAR = new RegExp(`^\\s*${YEAR}年是[^。]{0,40}(?:取得|完成|实现)[^。]{0,30}的一年`);

/** A plan named by its number: “七五”, “十一五”, 第七个五年计划. */
const PLAN_NO = '(?:[“"]([一二三四五六七八九]|十[一二三四五六七八九]?)五[”"](?:计划|规划)?|第([一二三四五六七八九十]{1,3})个五年(?:计划|规划))';
/** 今年是实行“七五”计划的头一年 / 今年是“十三五”规划的收官之年 → the plan's first or last year. */
const THIS_YEAR_OF_PLAN = new RegExp(`今年是[^。]{0,12}?${PLAN_NO}的(头一年|第一年|开局之年|起步之年|最后一年|收官之年)`);
/** 2001年是进入新世纪、实施“十五”计划的第一年 → that year. */
const YEAR_OF_PLAN = new RegExp(`${YEAR}年是[^。]{0,20}?${PLAN_NO}的(?:头一年|第一年|开局之年|起步之年|最后一年|收官之年)`);

function planYear(m: RegExpExecArray): number | null {
  const n = parseNumeral(m[1] ?? m[2] ?? '');
  const p = n === null ? null : fiveYearPeriod(n);
  if (!p) return null;
  return /最后一年|收官之年/.test(m[3]) ? p.end : p.start;
}

/** The first year rule that applies, in document order; the opening's own phrasing of the past year within its first lines. */
export function inferredYearFrom(lines: readonly TextLine[], openingLines = 15): Hit<number> | null {
  for (let i = 0; i < lines.length; i++) {
    const h = inferredYearOf(lines[i]);
    if (h) return h;
    if (!lines[i].text.includes('年')) continue; // every rule below needs a 年 on the line (去年, 一年来, 今年是, YEAR年)
    if (YEARLESS_REVIEW.test(lines[i].text) && lines[i + 1]) {
      const m = OPENS_WITH_YEAR.exec(lines[i + 1].text);
      const y = m ? yearOf(m) : null;
      if (m && y !== null) return hitAt(lines[i + 1], m, y + 1, 'review-year', { inferred: true });
    }
    const t = THIS_YEAR_OF_PLAN.exec(lines[i].text);
    const ty = t ? planYear(t) : null;
    if (t && ty !== null) return hitAt(lines[i], t, ty, 'plan-period-year', { inferred: true });
    const o = YEAR_OF_PLAN.exec(lines[i].text);
    const oy = o ? yearOf(o) : null;
    if (o && oy !== null) return hitAt(lines[i], o, oy, 'plan-year', { inferred: true });
    const p = i < openingLines ? PAST_YEAR.exec(lines[i].text) : null;
    const y = p ? yearOf(p) : null;
    if (p && y !== null) return hitAt(lines[i], p, y + 1, 'past-year', { inferred: true });
  }
  return null;
}

/** The plan a report's formula makes its subject, by its years (关于一九五六年到一九六七年全国农业发展纲要的执行情况…) or its number (关于…第六个五年计划的报告). */
const PLAN_SPAN = new RegExp(`${YEAR}年(?:到|至|—|－|-)${YEAR}年[^。，；]{0,16}?(?:纲要|计划|规划)`);
const PLAN_NUMBER = new RegExp(PLAN_NO);
const N_YEARS = '([一二两三四五六七八九十])';
/** How long the plan has been carried out: 纲要在过去四年中执行的情况, 纲要四年来实际执行的结果, 计划已经执行了近两年, 规划纲要实施两年多来. */
const ELAPSED = new RegExp(
  `(?:纲要|计划|规划)(?:已经|在)?(?:过去|这)?(将?近)?${N_YEARS}年(?:多)?(?:来|中|里|间)[^。，；]{0,6}?(?:执行|实施)|(?:纲要|计划|规划)[^。，；]{0,4}?(?:执行|实施)了?(将?近)?${N_YEARS}年`,
);

function planStartOf(formula: string): number | null {
  const span = PLAN_SPAN.exec(formula);
  if (span) return yearOf(span);
  const no = PLAN_NUMBER.exec(formula);
  const n = no ? parseNumeral(no[1] ?? no[2] ?? '') : null;
  return n === null ? null : (fiveYearPeriod(n)?.start ?? null);
}

/**
 * A report on a plan, named in its formula, that says how long the plan has been carried out: the
 * plan's first year plus the years (1956 + 在过去四年中执行 → 1960; “近两年” is not yet two: 1981 +
 * 已经执行了近两年 → 1982), inferred. The first such line in document order.
 */
export function planExecutionYear(formula: string, lines: readonly TextLine[]): Hit<number> | null {
  const start = planStartOf(formula);
  if (start === null) return null;
  for (const l of lines) {
    const m = ELAPSED.exec(l.text);
    const n = m ? parseNumeral(m[2] ?? m[4]) : null;
    if (m && n !== null) return hitAt(l, m, start + n - ((m[1] ?? m[3]) ? 1 : 0), 'plan-execution-years', { inferred: true });
  }
  return null;
}
