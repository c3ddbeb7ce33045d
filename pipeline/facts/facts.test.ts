import { describe, expect, it } from 'vitest';
import { fixtureDocument, fixtureText, rawLine } from '../../test/helpers.js';
import type { Fact } from '../../schemas/fact.js';

const brief = (f: Fact) => ({
  metric: f.metric,
  value: f.value.value,
  unit: f.unit,
  change: f.change?.quantity.value,
  period: f.period,
  polarity: f.polarity,
});

describe('facts from the prose of the fixtures', () => {
  it("004: the first results paragraph's five headline facts, each at its raw position", () => {
    const doc = fixtureDocument('004');
    const raw = fixtureText('004');
    const first = doc.facts.filter((f) => f.source.line === 23);
    const y2024 = { start: 2024, end: 2024 };
    expect(first.map(brief)).toEqual([
      { metric: '地区生产总值', value: 263.06, unit: '亿元', change: 4.8, period: y2024, polarity: 'achieved' },
      { metric: '规模以上工业增加值', value: 51.9, unit: '亿元', change: 9.1, period: y2024, polarity: 'achieved' },
      { metric: '固定资产投资', value: 55.58, unit: '亿元', change: 14.1, period: y2024, polarity: 'achieved' },
      { metric: '社会消费品零售总额', value: 105.51, unit: '亿元', change: 5.7, period: y2024, polarity: 'achieved' },
      { metric: '一般公共预算收入', value: 10.02, unit: '亿元', change: undefined, period: y2024, polarity: 'achieved' },
    ]);
    expect(first[0].raw).toBe('地区生产总值263.06亿元，同比增长4.8%');
    expect(first[0].source).toMatchObject({ line: 23, column: rawLine('004', 23).indexOf('地区生产总值263.06'), endLine: 23 });
    for (const f of first) {
      expect(raw.slice(f.source.offset, f.source.endOffset)).toBe(f.raw);
      expect(raw.slice(f.value.source!.offset, f.value.source!.endOffset)).toBe(f.value.raw);
    }
    expect(raw.slice(first[3].change!.quantity.source!.offset, first[3].change!.quantity.source!.endOffset)).toBe('同比增长5.7%');
  });

  it('004: the 2025 targets stated in prose come out as targets', () => {
    const doc = fixtureDocument('004');
    const targets = doc.facts.filter((f) => f.source.line === 83);
    expect(targets.map((f) => [f.metric, f.value.value, f.unit, f.polarity, f.period?.start])).toEqual([
      ['地区生产总值增速', 6.5, '%', 'target', 2025],
      ['规模以上工业增加值增速', 8, '%', 'target', 2025],
      ['固定资产投资增速', 8.5, '%', 'target', 2025],
      ['社会消费品零售总额增速', 8, '%', 'target', 2025],
      ['一般公共预算收入增速', 5, '%', 'target', 2025],
    ]);
    expect(targets[0].metricText).toBe('地区生产总值增长');
  });

  it("001: 2020's 地区生产总值 and 固定资产投资 with their growth; 2021's targets with their qualifiers", () => {
    const doc = fixtureDocument('001');
    const at = (metric: string, year: number) => doc.facts.find((f) => f.metric === metric && f.period?.start === year && f.period.end === year);
    expect(brief(at('地区生产总值', 2020)!)).toEqual({ metric: '地区生产总值', value: 221.29, unit: '亿元', change: 2.1, period: { start: 2020, end: 2020 }, polarity: 'achieved' });
    expect(brief(at('固定资产投资', 2020)!)).toEqual({ metric: '固定资产投资', value: 49.6, unit: '亿元', change: 15.9, period: { start: 2020, end: 2020 }, polarity: 'achieved' });
    const gdpTarget = at('地区生产总值增速', 2021)!;
    expect([gdpTarget.value.raw, gdpTarget.value.kind, gdpTarget.polarity, gdpTarget.qualifiers]).toEqual(['7.5%左右', 'about', 'target', ['about']]);
    // 累计 over the 十三五 period, not the 十二五 the sentence compares with
    const cumulative = doc.facts.find((f) => f.metric === '固定资产投资' && f.qualifiers.includes('cumulative'))!;
    expect([cumulative.value.value, cumulative.period, cumulative.change?.quantity.value, cumulative.change?.quantity.qualifier]).toEqual([225.24, { start: 2016, end: 2020 }, 16.7, 'annualAverage']);
  });

  it('national 2021 report: 2020 results and the 2021 target', () => {
    const doc = fixtureDocument('wiki');
    const gdp = doc.facts.filter((f) => f.metric.startsWith('国内生产总值'));
    expect(gdp.map((f) => [f.metric, f.value.raw, f.polarity, f.period?.start])).toContainEqual(['国内生产总值增速', '6%以上', 'target', 2021]);
  });
});
