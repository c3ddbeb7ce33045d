import { describe, expect, it } from 'vitest';
import { findStatements, numberSentences } from './statements.js';
import { loadVocabulary } from './vocabulary.js';
import { lastNamedPeriod, periodOf } from './period.js';
import { headingMood, polarityOf } from './polarity.js';

const vocab = loadVocabulary();
const known = (name: string, growth: boolean): boolean => (growth ? vocab.growth(name).known : vocab.name(name).known);
const read = (text: string) =>
  findStatements(text, known).map((s) => ({
    name: s.baseText,
    growth: s.growth,
    value: s.value.value,
    kind: s.value.kind,
    unit: s.unit,
    change: s.change?.quantity.value ?? null,
    text: text.slice(s.start, s.end),
  }));

// cut from the fixtures and the national reports
describe('findStatements: valid', () => {
  it.each([
    ['2024年，全区完成地区生产总值263.06亿元，同比增长4.8%；', { name: '地区生产总值', growth: false, value: 263.06, kind: 'number', unit: '亿元', change: 4.8, text: '地区生产总值263.06亿元，同比增长4.8%' }],
    ['主要预期目标是：国内生产总值增长7%左右，', { name: '国内生产总值', growth: true, value: 7, kind: 'about', unit: '%', change: null, text: '国内生产总值增长7%左右' }],
    ['城镇新增就业1000万人以上，', { name: '城镇新增就业', growth: false, value: 1000, kind: 'atLeast', unit: '万人', change: null, text: '城镇新增就业1000万人以上' }],
    ['城镇登记失业率控制在4.6%以内；', { name: '城镇登记失业率', growth: false, value: 4.6, kind: 'atMost', unit: '%', change: null, text: '城镇登记失业率控制在4.6%以内' }],
    ['工业增加值下降11.5%；', { name: '工业增加值', growth: true, value: -11.5, kind: 'number', unit: '%', change: null, text: '工业增加值下降11.5%' }],
    ['服务业增加值比重由46.9%提高到48.2%，', { name: '服务业增加值比重', growth: false, value: 48.2, kind: 'number', unit: '%', change: null, text: '服务业增加值比重由46.9%提高到48.2%' }],
    ['湖滨区生产总值达到 289.3 亿元，是“十二五”末的 3 倍；', { name: '湖滨区生产总值', growth: false, value: 289.3, kind: 'number', unit: '亿元', change: 3, text: '湖滨区生产总值达到 289.3 亿元，是“十二五”末的 3 倍' }],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });
});

describe('findStatements: invalid (no fact)', () => {
  it.each([
    ['城乡居民人均可支配收入实际增长9.8%和8.5%。', 'two values in one clause'],
    ['规模以上工业增加值、固定资产投资分别增长9%和8%。', '分别 list'],
    ['努力消除村集体收入5万元以下村。', 'the value names something else'],
    ['泰顺达物流园入驻企业 20 家，实现营业收入 6.5 亿元。', 'a park’s own account'],
    ['以26.1%的获贷率居六区第一。', 'not a metric name'],
    ['粮食产量1.3万亿斤以上。', 'a unit the grammar does not know'],
    ['消费对经济增长的贡献率上升3个百分点。', 'a change in points is not a level'],
  ])('%s (%s)', (text) => {
    expect(read(text)).toEqual([]);
  });
});

describe('periods and polarity', () => {
  it('reads years, ranges and plans before the value, not comparisons', () => {
    expect(lastNamedPeriod('“十三五”时期，地区生产总值累计完成')?.period).toEqual({ start: 2016, end: 2020 });
    expect(lastNamedPeriod('到“十四五”末，')?.period).toEqual({ start: 2025, end: 2025 });
    expect(lastNamedPeriod('2016—2020年，')?.period).toEqual({ start: 2016, end: 2020 });
    expect(lastNamedPeriod('“十三五”末较“十二五”末实现翻一番；固定资产投资')?.period).toEqual({ start: 2020, end: 2020 });
    expect(periodOf('今年经济社会发展的主要预期目标是：国内生产总值增长', { year: 2015, text: 'heading:2015年' }, null).period).toEqual({ start: 2015, end: 2015 });
    expect(periodOf('国内生产总值比上年增长', { year: 2014, text: 'heading:2014年', reviewed: true }, null)).toEqual({ period: { start: 2014, end: 2014 }, text: 'heading:2014年' });
    expect(periodOf('去年全区完成', null, 2025).period).toEqual({ start: 2024, end: 2024 });
    expect(periodOf('全区完成', null, null).period).toBeNull();
  });
  it('tells targets, results and estimates apart, and drops what it cannot tell', () => {
    expect(headingMood('一、2024年国民经济和社会发展规划执行情况')).toBe('review');
    expect(headingMood('二、2025年经济社会发展的总体要求和主要目标')).toBe('plan');
    const base = { mood: null, period: { start: 2024, end: 2024 }, reportYear: 2025, qualifiers: [] } as const;
    expect(polarityOf({ ...base, lead: '全年预计完成：地区生产总值' })).toBe('expected');
    expect(polarityOf({ ...base, lead: '主要预期目标是：地区生产总值增长' })).toBe('target');
    expect(polarityOf({ ...base, lead: '全面实现年初确定的主要目标，国内生产总值增长', mood: 'review' })).toBe('achieved');
    expect(polarityOf({ ...base, lead: '全区完成地区生产总值' })).toBe('achieved');
    expect(polarityOf({ ...base, lead: '地区生产总值', period: { start: 2025, end: 2025 } })).toBeNull();
  });
});

describe('numberSentences', () => {
  // the plain definition: cut after each end character, keep the sentences with a digit
  const cut = (text: string, ends: RegExp, from: number, to: number) => {
    const out: { start: number; end: number }[] = [];
    let start = from;
    for (let i = from; i < to; i++)
      if (ends.test(text[i])) {
        out.push({ start, end: i + 1 });
        start = i + 1;
      }
    if (start < to) out.push({ start, end: to });
    return out;
  };
  it.each(['，3，', '3，', '3，x', '5。，', '2024年，全区完成地区生产总值263.06亿元，同比增长4.8%；固定资产投资下降。一般公共预算收入12亿元！没有数字的句子。', '；。，3', '', '无数字，也无句号', '增长7%'])('%s', (text) => {
    const plain = cut(text, /[。！？!?]/, 0, text.length)
      .filter((s) => /\d/.test(text.slice(s.start, s.end)))
      .map((sentence) => ({
        sentence,
        clauses: cut(text, /[，；：、,;:]/, sentence.start, sentence.end).map((c) => {
          const d = text.slice(c.start, c.end).search(/\d/);
          return { ...c, digit: d < 0 ? -1 : c.start + d };
        }),
      }));
    expect(numberSentences(text)).toEqual(plain);
  });
});
