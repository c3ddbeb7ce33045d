import { describe, expect, it } from 'vitest';
import { DocContext } from '../../core/context.js';
import { parseTable } from './parse-table.js';
import { rawRowsFromLines } from '../../test/builders/raw-rows.js';
import { readFigures, runTogetherHeader } from './layout-run-together.js';

// cut from the Pingtan 十四五 outline's 专栏1 (shared corpora), after the scraped-text step split its rows
const HEADER = '分类序号指标名称单位2020年2025年指标属性绝对值绝对值年均增速[累计]';
const ROWS = [
  '国际旅游1旅游业增加值占GDP比重%9.014.0[5]预期性',
  '2旅游总收入亿元5015024.6%预期性',
  '3游客接待总人数万人次450100017.3%预期性',
  '新兴产业4“规上限上”新兴产业企业数户75150 预期性',
  '5营商环境指数（错年数） 87.7591[3.25]预期性',
  '65G用户普及率%1060[50]预期性',
  '7每千人口拥有3岁以下婴幼儿托位数个 0.5 预期性',
  '创新发展8地区生产总值增长%5.4—6.5-7.5预期性',
];

function table(lines: string[]) {
  const text = lines.join('\n');
  const doc = new DocContext('pingtan.txt', text);
  const rows = rawRowsFromLines(doc, 1, doc.lines.lineCount);
  const notes = [{ text: '注：表中“[ ]”内的数字为五年累计数。', source: doc.span(0, 1) }];
  return { doc, table: parseTable({ id: 't', number: null, title: '平潭综合实验区“十四五”时期经济社会发展主要目标', sectionId: null, source: doc.span(0, text.length), notes, rawRows: rows }, doc) };
}

describe('runTogetherHeader', () => {
  it('reads the labels of a header without separators, the second header row under the years', () => {
    expect(runTogetherHeader(HEADER)).toEqual({ category: true, unit: true, attribute: true, values: [['2020年', '绝对值'], ['2025年', '绝对值'], ['2025年', '年均增速[累计]']] });
    expect(runTogetherHeader('序号指标名称单位2020年2025年属性')?.values).toEqual([['2020年'], ['2025年']]);
    expect(runTogetherHeader('国际旅游1旅游业增加值占GDP比重%9.014.0[5]预期性')).toBeNull();
  });
});

describe('readFigures', () => {
  const cols = runTogetherHeader(HEADER)!;
  it('splits run-together figures where one reading fits the grammar and the row’s own arithmetic', () => {
    expect(readFigures('9.014.0[5]', cols)).toEqual([['9.0', '14.0', '[5]']]);
    // 50 → 150 at 24.6% a year over 2020-2025; 501 | 50 or 5 | 0150 would not
    expect(readFigures('5015024.6%', cols)).toEqual([['50', '150', '24.6%']]);
    expect(readFigures(' 0.5 ', cols)).toEqual([['', '0.5', '']]);
    expect(readFigures('5.4—6.5-7.5', cols)).toEqual([['5.4', '—', '6.5-7.5']]);
  });
  it('gives every reading when the row cannot tell them apart', () => {
    expect(readFigures('75150 ', cols)).toEqual([['7', '5150', ''], ['75', '150', ''], ['751', '50', ''], ['7515', '0', '']]);
  });
});

describe('readRunTogether through parseTable', () => {
  it('reads categories, names, units, values and attributes; an ambiguous row keeps its name with a cells-ambiguous warning', () => {
    const { table: t, doc } = table([HEADER, ...ROWS]);
    expect(t.kind).toBe('indicators');
    expect(t.columns.map((c) => c.key)).toEqual(['unit', 'base-2020', 'target-2025', 'growth', 'attribute']);
    expect(t.indicators.map((i) => [i.seq, i.category, i.name, i.unit, i.attributeText])).toEqual([
      ['1', '国际旅游', '旅游业增加值占GDP比重', '%', '预期性'],
      ['2', '国际旅游', '旅游总收入', '亿元', '预期性'],
      ['3', '国际旅游', '游客接待总人数', '万人次', '预期性'],
      ['4', '新兴产业', '“规上限上”新兴产业企业数', '户', '预期性'],
      ['5', '新兴产业', '营商环境指数（错年数）', null, '预期性'],
      ['6', '新兴产业', '5G用户普及率', '%', '预期性'],
      ['7', '新兴产业', '每千人口拥有3岁以下婴幼儿托位数', '个', '预期性'],
      ['8', '创新发展', '地区生产总值增长', '%', '预期性'],
    ]);
    const byName = (n: string) => t.indicators.find((i) => i.name === n)!.values;
    expect(byName('旅游总收入')['target-2025']).toMatchObject({ raw: '150', value: 150 });
    expect(byName('旅游总收入').growth).toMatchObject({ raw: '24.6%', value: 24.6 });
    expect(byName('5G用户普及率').growth).toMatchObject({ kind: 'bracketed', value: 50 });
    expect(byName('“规上限上”新兴产业企业数')).toEqual({});
    const [warning] = doc.diagnostics.filter((d) => d.code === 'cells-ambiguous');
    expect(warning.message).toMatch(/^table row 4 “规上限上”新兴产业企业数: “75150” has 4 readings/);
    // positions: the 150 of row 2 is at its raw place
    const v = byName('旅游总收入')['target-2025'].source!;
    expect(doc.raw.slice(v.offset, v.endOffset)).toBe('150');
  });
});
