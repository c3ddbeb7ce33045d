/**
 * Metric statements in a passage of prose, by offsets into the passage: 完成地区生产总值263.06亿元，
 * 同比增长4.8% → metric text, value with unit and qualifier, the change that follows. Precision
 * first: a clause with two numbers, a 分别 list, a 从…到 comparison or a name that is not a metric
 * yields nothing.
 */
import { isUnit, normalizeUnit } from '../tables/unit.js';
import { parseQuantity, type ParsedQuantity } from '../tables/quantity.js';
import type { FactQualifier } from '../../schemas/fact.js';
import { isSpaceCode } from '../../core/text/chars.js';
import { longestWordEndingAt, stickyMatchWithin } from './text-at.js';
import { memoized } from './memo.js';

export interface Span {
  start: number;
  end: number;
}

export interface ChangeMatch extends Span {
  kind: 'growth' | 'points' | 'multiple' | 'doubling';
  quantity: ParsedQuantity;
  unit: string | null;
}

export interface Statement extends Span {
  /** the sentence holding the statement */
  sentence: Span;
  /** the metric name as written (scope and verbs cut), offsets into the passage */
  metricText: string;
  metricSpan: Span;
  /** for growth statements the name without the growth word (地区生产总值), else metricText */
  baseText: string;
  /** the sentence up to the value, without the starting point of 由 X 提高到 Y: what the period and polarity are read from */
  lead: string;
  /** true: 地区生产总值增长 6.5% — the value is the metric's growth rate */
  growth: boolean;
  value: ParsedQuantity;
  valueSpan: Span;
  unit: string | null;
  change: ChangeMatch | null;
  qualifiers: FactQualifier[];
}

const NUM = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;

/** Units a prose fact may carry: amounts, people, rates and physical quantities — not dates, ages or times. */
const NOT_FACT_UNITS = /^(?:[十百千万亿]*)(?:年|月|日|天|岁|次|小时|度|倍|名|位|篇|册|株|头|只|床|张|所|座|条|处|栋|间|套|台|架|艘|班|辆)$/u;

/** Words before a value that bound or round it: (约|近|超过|…)\s*$ before the number, longest first (the leftmost match). */
const PREFIX_QUALIFIERS = ['约', '近', '超过', '突破', '不低于', '不少于', '不超过', '不高于', '低于', '高于', '控制在', '保持在'];
/** ^\s*(左右|以上|以内|以下|及以上) after the unit, read in place (sticky). */
const SUFFIX_QUALIFIER = /\s*(左右|以上|以内|以下|及以上)/uy;

/** Words before a name that say when, where or what is being done, not what is measured. */
const LEAD = new RegExp(
  [
    String.raw`\d{4}\s*年(?:底|末|全年)?`,
    '“?(?:十[一二三四五六七八九]?|[一二三四五六七八九])五”?(?:规划|计划)?(?:期间|时期|末|期末)?',
    '“[^”]{0,12}”', '(?:这|过去|近)?[五十]年(?:来|累计|间)?', '到', '至', '截至', '全年', '今年', '明年', '去年', '当年', '上年', '年内', '年末', '年底', '一年来', '预计', '力争', '争取', '确保', '计划', '其中',
    '累计', '年均', '共', '目标', '提出', '完成', '实现', '达到', '全区', '全市', '全县', '全省', '全州', '全国', '全镇', '我区', '我市', '我县', '我省', '主要预期目标是', '预期目标是', '目标是',
    '的', '使', '其', '当年', '全面', '顺利', '共计', '同比', '比上年', '较上年',
  ].join('|'),
  'u',
);
/** LEAD read in place (sticky) at the start of a name. */
const LEAD_AT = new RegExp(LEAD.source, 'uy');
/** Verbs and adverbs after a name, before its value: (?:达到了|达到|…)$, longest first (the leftmost match). */
const TRAIL = ['达到了', '达到', '达', '平均为', '为', '是', '完成', '计划', '稳定在', '实现', '突破', '超过', '增加到', '增加至', '增至', '提高到', '提高至', '提升到', '提升至', '上升到', '上升至', '控制在', '保持在', '约', '近', '共', '累计', '年均', '总计', '合计'];
const GROWTH_WORD = /(?:同比|比上年|较上年|比去年|较去年)?(?:实际|名义)?(增长|增速|增幅|涨幅|上涨|提高|下降|回落|减少)(?:了|为|达到|达)?$/u;
const FALLING = /^(?:下降|回落|减少)$/u;
/** between the two values of 由 X 提高到 Y */
const FROM_TO = /^\s*(?:提高|提升|增加|增长|上升|扩大|下降|减少|降低|降|升|缩小)?\s*(?:到|至)\s*(?:\d{4}\s*年(?:底|末)?的?|去年(?:底|末)?的?|上年(?:底|末)?的?)?\s*$/u;

/** The ending of a name that measures something, for names not in the vocabulary. */
const METRIC_HEAD = /(?:总值|增加值|收入|支出|投资|总额|产值|产量|利润|营业额|销售额|零售额|进出口|出口|进口|就业|失业率|城镇化率|覆盖率|比重|人数|人口|面积|里程|余额|价格|增速|增幅|涨幅|外资|税收|强度|率|交易额)$/u;
const NAME_CHARS = /^[\u4e00-\u9fffA-Za-z&]+$/u;
/** Function words that make a phrase of a name (占…的比重, 为企业贷款, 和, 等). */
const PHRASE = /[的了和及与或等以对为向把被将从在于占比]/u;

/** Verbs inside a name make it an act (获得贷款, 实现税收), not a measure. */
const VERB = /获得|发放|实现|完成|争取|带动|拉动|吸引|签约|引进|融资|新建|建成|开工|减少|再|消除|努力|尽快/u;
/** A named subject before the name (a company, a project, a park): its figures are not the region's. */
const ENTITY = /公司|集团|项目|园区|入驻|小学|中学|幼儿园|第[一二三四五六七八九]期|产业园|开发区|基地|工厂|电气|银行|医院|学校|合作社|中心|物流园|商圈|景区/u;

/** An unmatched name stands as a metric only when it is shaped like one and nothing narrows its subject. */
/** Names of a firm's or a sector's accounts: without a vocabulary match their subject is not the region. */
const GENERIC = /^(?:工业总产值|总产值|产值|销售收入|营业收入|主营业务收入|利润|利润总额|营业额|交易额|总投资|投资|税收|中央财政支出)$/u;

/** A firm's accounts (长城汽车销售收入): the region's own are in the vocabulary. */
const FIRM_ACCOUNT = /(?:销售收入|营业收入|主营业务收入)$/u;

/** The name without 比重, 比例 and the 占 of X占Y: what must hold no function word. */
function phraseText(name: string): string {
  const bare = name.includes('比重') || name.includes('比例') ? name.replace(/比重|比例/g, '') : name;
  return bare.includes('占') ? bare.replace(/^(.+)占(.+)$/u, '$1$2') : bare;
}

function plausibleName(name: string, before: string): boolean {
  if (name.length < 4 || /^[总年]/.test(name) || GENERIC.test(name) || FIRM_ACCOUNT.test(name)) return false;
  // 其中…: a part of something named before, which the name alone does not say
  if (before.includes('其中') && /其中[，,]?\s*$/u.test(before)) return false;
  if (PHRASE.test(phraseText(name)) || VERB.test(name) || ENTITY.test(name) || !METRIC_HEAD.test(name)) return false;
  return !ENTITY.test(before);
}

const CHANGE = new RegExp(
  String.raw`^\s*(?:(?:同比|比上年|较上年|比去年|较去年|比上年同期)\s*)?(年均)?(?:实际|名义)?(增长|增加|提高|上升|上涨|下降|减少|回落|降低)\s*(${NUM})\s*(%|％|个百分点)(\s*左右)?`,
  'u',
);
const MULTIPLE = new RegExp(String.raw`^\s*(?:是|为)[^，。；\d]{1,16}的\s*(${NUM})\s*倍`, 'u');
const DOUBLING = /^\s*(?:比[^，。；\d]{1,12})?翻(?:了)?一番/u;

/** What a character is to the sentence reader, by UTF-16 code (a table test per character, no string made). */
const OTHER = 0;
const DIGIT = 1;
const CLAUSE_END = 2;
const SENTENCE_END = 3;
const CHAR_KIND = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  const mark = (chars: string, kind: number): void => {
    for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = kind;
  };
  mark('0123456789', DIGIT);
  mark('，；：、,;:', CLAUSE_END);
  mark('。！？!?', SENTENCE_END);
  return t;
})();

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** A clause, with where its first digit stands (-1: none, so no value). */
export interface Clause extends Span {
  digit: number;
}

export interface NumberSentence {
  sentence: Span;
  /** the sentence cut after each clause end (the last clause runs to the sentence's end) */
  clauses: Clause[];
}

/**
 * The sentences (cut after each of 。！？!?) that hold a digit, with their clauses (cut after each
 * of ，；：、,;:), in one pass: the other sentences state no number.
 */
export function numberSentences(text: string): NumberSentence[] {
  const out: NumberSentence[] = [];
  // the clauses of the sentence being read: n of them, each with its end and first digit
  const ends: number[] = [];
  const digits: number[] = [];
  let n = 0;
  let start = 0;
  let digit = -1; // the current clause's first digit
  let anyDigit = false;
  const endClause = (end: number): void => {
    ends[n] = end;
    digits[n++] = digit;
    if (digit >= 0) anyDigit = true;
    digit = -1;
  };
  const endSentence = (end: number): void => {
    if (anyDigit) {
      const clauses: Clause[] = [];
      for (let k = 0, from = start; k < n; from = ends[k++]) clauses.push({ start: from, end: ends[k], digit: digits[k] });
      out.push({ sentence: { start, end }, clauses });
    }
    start = end;
    n = 0;
    anyDigit = false;
  };
  for (let i = 0; i < text.length; i++) {
    const kind = CHAR_KIND[text.charCodeAt(i)];
    if (kind === OTHER) continue;
    if (kind === DIGIT) {
      if (digit < 0) digit = i;
    } else {
      endClause(i + 1);
      if (kind === SENTENCE_END) endSentence(i + 1);
    }
  }
  if (start < text.length) {
    if ((n === 0 ? start : ends[n - 1]) < text.length) endClause(text.length);
    endSentence(text.length);
  }
  return out;
}

interface ValueMatch {
  start: number;
  end: number;
  number: string;
  unit: string;
  prefix: string | null;
  suffix: string | null;
}

/** The longest unit that opens the text (at most 6 characters, no whitespace), as written, or ''. */
function leadingUnit(window: string): string {
  for (let k = window.length; k > 0; k--) {
    const cand = window.slice(0, k);
    if (!/\s/.test(cand) && isUnit(cand)) return cand;
  }
  return '';
}

/** The unit a value may carry from the text after its number: normalized, '' for none or a unit that is no fact's (年, 次, 万). */
function factUnitOf(window: string): string {
  const unit = leadingUnit(window);
  return unit === '' || NOT_FACT_UNITS.test(normalizeUnit(unit)) || /^[十百千万亿]+$/.test(unit) ? '' : normalizeUnit(unit);
}

/** factUnitOf, each text once per process: the same few characters follow the numbers of every document (亿元，同比增). */
const factUnitAt = memoized(factUnitOf);

const NUMBER = new RegExp(NUM, 'gu');

/** Numbers with a unit in a clause (dates and counts of years are not values). */
function valuesIn(text: string, clause: Clause): ValueMatch[] {
  const out: ValueMatch[] = [];
  // a clause without a digit has no value: do not let the search run on to the next digit of the passage
  if (clause.digit < 0) return out;
  const re = NUMBER;
  re.lastIndex = clause.digit;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < clause.end) {
    const numEnd = m.index + m[0].length;
    const previous = text.charCodeAt(m.index - 1);
    if (isDigitCode(previous) || previous === 0x2e) continue; // [\d.] before: the tail of a number
    let u = numEnd;
    while (u < clause.end && isSpaceCode(text.charCodeAt(u))) u++;
    const unit = u < clause.end ? factUnitAt(text.slice(u, Math.min(clause.end, u + 6))) : '';
    if (unit === '') {
      out.push({ start: m.index, end: numEnd, number: m[0], unit: '', prefix: null, suffix: null });
      continue;
    }
    let end = u + unit.length; // a unit as written has no whitespace: normalizing keeps its length
    const suf = stickyMatchWithin(SUFFIX_QUALIFIER, text, end, clause.end);
    if (suf) end += suf[0].length;
    let p = m.index;
    while (p > clause.start && isSpaceCode(text.charCodeAt(p - 1))) p--;
    const pre = longestWordEndingAt(text, PREFIX_QUALIFIERS, clause.start, p);
    const start = pre !== null ? p - pre.length : m.index;
    out.push({ start, end, number: m[0], unit, prefix: pre, suffix: suf ? suf[1] : null });
  }
  return out;
}

function cutName(text: string, a: number, b: number): Span {
  let s = a;
  let e = b;
  for (let changed = true; changed && s < e; ) {
    changed = false;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    const lead = stickyMatchWithin(LEAD_AT, text, s, e);
    if (lead && lead[0].length > 0) {
      s += lead[0].length;
      changed = true;
    }
    const trail = longestWordEndingAt(text, TRAIL, s, e);
    if (trail !== null && e - trail.length > s) {
      e -= trail.length;
      changed = true;
    }
  }
  return { start: s, end: e };
}

function quantityOf(v: ValueMatch, raw: string): ParsedQuantity {
  const atLeastPrefix = v.prefix === '突破' || v.prefix === '超过' || v.prefix === '不低于' || v.prefix === '不少于' || v.prefix === '高于';
  const atMostPrefix = v.prefix === '控制在' || v.prefix === '不超过' || v.prefix === '不高于' || v.prefix === '低于';
  const num = v.number + (v.unit === '%' || v.unit === '‰' ? '%' : '');
  const parsed = parseQuantity(
    v.suffix !== null ? `${num}${v.suffix}` : atLeastPrefix ? `超过${num}` : atMostPrefix ? `不超过${num}` : v.prefix === '约' || v.prefix === '近' ? `约${num}` : num,
  );
  return { ...parsed, raw };
}

/** Qualifiers: 累计 and 年均 from the statement's clause, 力争 from its sentence, the rest from the value. */
function flipBound(q: ParsedQuantity): Partial<ParsedQuantity> {
  if (q.kind === 'atLeast') return { kind: 'atMost', qualifier: 'atMost' };
  if (q.kind === 'atMost') return { kind: 'atLeast', qualifier: 'atLeast' };
  return {};
}

function qualifiersOf(v: ValueMatch, clauseLead: string, sentenceLead: string): FactQualifier[] {
  const q = new Set<FactQualifier>();
  if (/累计/.test(clauseLead)) q.add('cumulative');
  if (/年均|年平均/.test(clauseLead)) q.add('annualAverage');
  if (/力争|争取/.test(sentenceLead)) q.add('striving');
  const p = v.prefix ?? '';
  const s = v.suffix ?? '';
  if (/以上/.test(s) || /超过|突破|不低于|不少于|高于/.test(p)) q.add('atLeast');
  if (/左右/.test(s) || /约|近/.test(p)) q.add('about');
  if (/以内|以下/.test(s) || /控制在|不超过|不高于|低于/.test(p)) q.add('atMost');
  return [...q].sort();
}

function changeAt(text: string, from: number, limit: number): ChangeMatch | null {
  const rest = text.slice(from, limit);
  let m: RegExpExecArray | null;
  if ((m = CHANGE.exec(rest))) {
    const lead = m[0].length - m[0].trimStart().length;
    const [, average, verb, num, unit, about] = m;
    const points = unit === '个百分点';
    const sign = FALLING.test(verb) || verb === '降低' ? -1 : 1;
    const parsed = parseQuantity(`${num}${points ? '' : '%'}${about ? '左右' : ''}`);
    const quantity: ParsedQuantity = { ...parsed, raw: m[0].trim() };
    if (parsed.value !== undefined) quantity.value = sign * parsed.value;
    if (average) quantity.qualifier = 'annualAverage';
    return { start: from + lead, end: from + m[0].length, kind: points ? 'points' : 'growth', quantity, unit: points ? '个百分点' : '%' };
  }
  if ((m = MULTIPLE.exec(rest))) {
    const lead = m[0].length - m[0].trimStart().length;
    return { start: from + lead, end: from + m[0].length, kind: 'multiple', quantity: { ...parseQuantity(m[1]), raw: m[0].trim() }, unit: '倍' };
  }
  if ((m = DOUBLING.exec(rest))) {
    const lead = m[0].length - m[0].trimStart().length;
    return { start: from + lead, end: from + m[0].length, kind: 'doubling', quantity: { raw: m[0].trim(), kind: 'number', value: 2 }, unit: '倍' };
  }
  return null;
}

/** A name that can stand as a metric: known to the vocabulary, or shaped like one. */
export type KnownName = (name: string, growth: boolean) => boolean;

/** The metric statements of a passage, in order. */
export function findStatements(text: string, known: KnownName): Statement[] {
  const out: Statement[] = [];
  for (const { sentence, clauses } of numberSentences(text)) {
    for (let ci = 0; ci < clauses.length; ci++) {
      const clause = clauses[ci];
      const all = valuesIn(text, clause);
      if (all.length === 0) continue; // most clauses state no number
      const body = text.slice(clause.start, clause.end);
      if (/分别|之间|～|~/.test(body)) continue;
      const values = all.filter((v) => v.unit !== '' && text[v.end] !== '年');
      const dates = all.filter((v) => v.unit === '' && /^\d{4}$/.test(v.number) && /^\s*年/.test(text.slice(v.end, v.end + 3)));
      // 比重由46.9%提高到48.2%: the value reached is the statement, the starting point only its context
      const fromTo = values.length === 2 && all.length - dates.length === 2 ? FROM_TO.exec(text.slice(values[0].end, values[1].start)) : null;
      let nameLimit: number | null = null;
      let fromEnd: number | null = null;
      if (fromTo) {
        fromEnd = values[0].end;
        const from = /(?:由|从)(?:\d{4}\s*年(?:底|末)?的?)?\s*$/u.exec(text.slice(clause.start, values[0].start));
        if (!from) continue;
        nameLimit = clause.start + from.index;
        values.shift();
      } else if (/从|由/.test(body) && /到|至/.test(body)) continue;
      else if (values.length !== 1 || all.length - dates.length !== 1) continue;
      const v = values[0];
      // the value ends its statement: 5万元以下的村, 10亿元以下县 use a number to name something else
      const after = text.slice(v.end, clause.end).trim();
      if (after !== '' && !/^(?:[，。；、：,;:！？）)]|人民币|同比|比上年|较上年|比去年|较去年|增长|下降|年均)/u.test(after)) continue;
      // the name: clause text before the value; 地区生产总值增长 6.5% is a growth statement of 地区生产总值
      const before = text.slice(clause.start, nameLimit ?? v.start).trimEnd();
      if (v.unit === '个百分点' && GROWTH_WORD.test(before)) continue; // a change of a rate in points, not its level
      const g = v.unit === '%' && nameLimit === null ? GROWTH_WORD.exec(before) : null;
      const growth = g !== null;
      const falling = g !== null && FALLING.test(g[1]);
      const wordEnd = g ? clause.start + g.index + g[0].indexOf(g[1]) + g[1].length : v.start;
      const name = cutName(text, clause.start, g ? clause.start + g.index : (nameLimit ?? v.start));
      const bare = text.slice(name.start, name.end);
      const metricText = g ? text.slice(name.start, wordEnd) : bare;
      if (bare.length < 2 || bare.length > 20 || !NAME_CHARS.test(bare)) continue;
      if (!known(bare, growth) && !plausibleName(bare, text.slice(sentence.start, name.start))) continue;
      const leadText = text.slice(sentence.start, v.start);
      let value = quantityOf(v, text.slice(v.start, v.end));
      // 下降3.1%以上 is a growth of -3.1% or less: the sign turns and so does the bound
      if (falling && value.value !== undefined) value = { ...value, value: -value.value, ...flipBound(value) };
      // the change: the rest of the clause, or the next clause when it opens with one
      let change: ChangeMatch | null = null;
      if (!growth) {
        change = changeAt(text, v.end, clause.end);
        if (!change && ci + 1 < clauses.length && /[，,]$/.test(body)) {
          const next = clauses[ci + 1];
          const c = changeAt(text, next.start, next.end);
          if (c && valuesIn(text, next).filter((x) => x.unit !== '').length <= 1) change = c;
        }
      }
      out.push({
        start: name.start,
        end: change ? change.end : v.end,
        sentence,
        metricText,
        metricSpan: { start: name.start, end: g ? wordEnd : name.end },
        baseText: bare,
        lead: nameLimit !== null && fromEnd !== null ? text.slice(sentence.start, nameLimit) + text.slice(fromEnd, v.start) : leadText,
        growth,
        value,
        valueSpan: { start: v.start, end: v.end },
        unit: v.unit,
        change,
        qualifiers: qualifiersOf(v, text.slice(clause.start, v.start), leadText)
          .map((q): FactQualifier => (!falling ? q : q === 'atLeast' ? 'atMost' : q === 'atMost' ? 'atLeast' : q))
          .sort(),
      });
    }
  }
  return out;
}
