import { describe, expect, it } from 'vitest';
import { bracketMeaning } from './bracket-meaning.js';
import { planPeriod } from './plan-period.js';
import { matchSeq } from './seq.js';
import { tokenizeLine } from './tokens.js';
import { compactText, plainScripts } from './cell-text.js';

const span = { line: 1, column: 0, endLine: 1, endColumn: 1, offset: 0, endOffset: 1 };

describe('tokenizeLine', () => {
  it('keeps a quantity with a space inside as one cell, and a spaced name as one', () => {
    expect(tokenizeLine('生产总值（亿元） 108.8 154.9 7.5 左右 221.29 预期性', 0).map((t) => t.text)).toEqual(['生产总值（亿元）', '108.8', '154.9', '7.5 左右', '221.29', '预期性']);
    expect(tokenizeLine('孕产妇女死亡率控制 — 14/10 万以下 — 13/10 万 预期性', 0).map((t) => t.text)).toEqual(['孕产妇女死亡率控制', '—', '14/10 万以下', '—', '13/10 万', '预期性']);
    expect(tokenizeLine('单位 GDP 能耗降幅（%） 2.5 按市定目标执行 —— 约束性', 0).map((t) => t.text)).toEqual(['单位 GDP 能耗降幅（%）', '2.5', '按市定目标执行', '——', '约束性']);
  });

  it('splits a name from a text cell after its unit', () => {
    expect(tokenizeLine('城镇化率（%） 动态增长 —', 0).map((t) => t.text)).toEqual(['城镇化率（%）', '动态增长', '—']);
  });
});

describe('matchSeq', () => {
  it('reads sequence numbers and not numbers that belong to names or values', () => {
    expect(matchSeq('1 生产总值（亿元） 108.8', null)).toEqual({ seq: '1', rest: 2 });
    expect(matchSeq('8', 7)).toEqual({ seq: '8', rest: 1 });
    expect(matchSeq('1. 全区生产总值增速', null)).toEqual({ seq: '1', rest: 3 });
    expect(matchSeq('27 5 岁以下儿童死亡率控制（‰）', 26)?.seq).toBe('27');
    expect(matchSeq('5 岁以下儿童死亡率控制（‰）', 26)).toBeNull();
    expect(matchSeq('40 50 — 35 预期性', 7)).toBeNull();
    expect(matchSeq('2015 年', null)).toBeNull();
    expect(matchSeq('43.1 40 以上 — 35 预期性', 7)).toBeNull();
  });
});

describe('planPeriod', () => {
  it('finds the years of the named five-year plan', () => {
    expect(planPeriod('“十四五”经济社会发展主要指标')).toEqual({ start: 2021, end: 2025 });
    expect(planPeriod('“十三五”规划主要目标完成情况表')).toEqual({ start: 2016, end: 2020 });
    expect(planPeriod('“十五五”规划')).toEqual({ start: 2026, end: 2030 });
    expect(planPeriod('湛河区2025年国民经济和社会发展规划主要指标')).toBeNull();
  });
});

describe('bracketMeaning', () => {
  it('takes what brackets mean from the note, and assumes nothing without one', () => {
    expect(bracketMeaning([{ text: '注：[]内数据为五年规划期累计数。', source: span }])?.qualifier).toBe('cumulative');
    expect(bracketMeaning([{ text: '注：[]中的数据为预计数。', source: span }])?.qualifier).toBe('estimate');
    expect(bracketMeaning([{ text: '备注：地区生产总值年均增速为扣除价格因素的实际增长速度。', source: span }])).toBeNull();
    expect(bracketMeaning([])).toBeNull();
  });
});

describe('cell text', () => {
  it('removes extraction spaces around CJK and keeps them between ASCII words', () => {
    expect(compactText('2015 年 基数')).toBe('2015年基数');
    expect(compactText('“十三五” 规划目标')).toBe('“十三五”规划目标');
    expect(compactText('元/人, 2020年价格')).toBe('元/人, 2020年价格');
    expect(plainScripts('细微颗粒物（PM _{2.5} ）年均浓度')).toBe('细微颗粒物（PM2.5）年均浓度');
    expect(plainScripts('可吸入颗粒物（PM ₁₀ ）年均浓度')).toBe('可吸入颗粒物（PM10）年均浓度');
  });

  it('compactText reads by character code what the whitespace-run regex gave', () => {
    const byRegex = (s: string): string => {
      const t = s.trim();
      const word = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z.,:;/%+\-]/.test(ch);
      return t.replace(/\s+/g, (m, offset: number) => (word(t[offset - 1]) && word(t[offset + m.length]) ? ' ' : ''));
    };
    for (const s of [' 2015 年 基数 ', 'PM 2.5', 'a\u3000\u00a0b', '元/人,\t 2020年价格', '完成市定 \n目标', '', '  ', 'x', '6.5 %']) expect(compactText(s), s).toBe(byRegex(s));
  });
});

describe('rows whose spaces the normalizer took out', () => {
  it('reads a sequence number run into the name when it continues the numbering', () => {
    expect(matchSeq('10人均绿地面积（平方米） — 20 — 29.37 约束性', 9)).toEqual({ seq: '10', rest: 2 });
    expect(matchSeq('9城镇就业', 8)).toEqual({ seq: '9', rest: 1 });
    expect(matchSeq('11万元生产总值能耗降低率（%） 10 2.5 — 预计 2.5 约束性', 10)).toEqual({ seq: '11', rest: 2 });
    expect(matchSeq('5岁以下儿童死亡率控制（‰）', 26)).toBeNull();
    expect(matchSeq('3人均预期寿命', 7)).toBeNull();
  });

  it('splits a name from the figure run into it after the unit', () => {
    expect(tokenizeLine('化学需氧量（吨）679', 0).map((t) => [t.text, t.isText])).toEqual([['化学需氧量（吨）', true], ['679', false]]);
    expect(tokenizeLine('每千人口拥有3岁以下婴幼儿托位数（个） — 3以上 — 预期性', 0).map((t) => t.text)).toEqual(['每千人口拥有3岁以下婴幼儿托位数（个）', '—', '3以上', '—', '预期性']);
    expect(tokenizeLine('现代结核病策略（DOTS）1', 0)).toHaveLength(1);
  });
});
