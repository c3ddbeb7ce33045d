import { describe, expect, it } from 'vitest';
import { DocContext } from '../../core/context.js';
import { parseTable } from './parse-table.js';
import { rawRowsFromLines } from '../../test/builders/raw-rows.js';

/** A table region over an inline text, all lines as rows. */
function inline(text: string) {
  const doc = new DocContext('inline.txt', text);
  const rows = rawRowsFromLines(doc, 1, doc.lines.lineCount);
  return { doc, table: parseTable({ id: 't', number: null, title: '“十四五”主要指标', sectionId: null, source: doc.span(0, text.length), notes: [], rawRows: rows }, doc) };
}

describe('layouts the fixtures do not show', () => {
  it('tab-separated sub-rows under a parent row, with a target merged down the sub-rows', () => {
    const { table, doc } = inline(
      ['序号\t指标\t2020年\t2025年\t属性', '1\t地区生产总值(亿元)\t151\t200\t预期性', '2\t主要污染物排放减少\t\t\t', '\t化学需氧量(吨)\t679\t按下达目标\t约束性', '\t氨氮(吨)\t53\t\t约束性'].join('\n'),
    );
    expect(table.kind).toBe('indicators');
    expect(table.indicators.map((i) => [i.seq, i.name, i.parent])).toEqual([
      ['1', '地区生产总值', null],
      ['2.1', '化学需氧量', '主要污染物排放减少'],
      ['2.2', '氨氮', '主要污染物排放减少'],
    ]);
    // bare years under the 十四五 plan of the title: 2020 is the base, 2025 the target
    expect(table.columns.map((c) => c.key)).toEqual(['base-2020', 'target-2025', 'attribute']);
    expect(table.indicators[2].values['target-2025']).toMatchObject({ raw: '按下达目标', kind: 'text', merged: true });
    expect(doc.diagnostics).toEqual([]);
  });

  it('columns aligned by runs of spaces, with a category column and unnumbered rows (national plan style)', () => {
    const text = ['类别    指标    2020年    2025年    属性', '经济发展    地区生产总值增长（%）    6.5    6左右    预期性', '    城镇化率（%）    60    65    预期性', '民生福祉    城镇新增就业（万人）    —    [10]    预期性'].join('\n');
    const doc = new DocContext('inline.txt', text);
    const rows = rawRowsFromLines(doc, 1, doc.lines.lineCount).map((r) => ({ ...r, text: r.text.trimStart() }));
    const table = parseTable({ id: 't', number: 1, title: '“十四五”主要指标', sectionId: null, source: doc.span(0, text.length), notes: [{ text: '注：[]内为五年累计数。', source: doc.span(0, 1) }], rawRows: rows }, doc);
    expect(table.kind).toBe('indicators');
    expect(table.columns.map((c) => [c.key, c.role])).toEqual([['base-2020', 'base'], ['target-2025', 'target'], ['attribute', 'attribute']]);
    expect(table.indicators.map((i) => [i.category, i.name, i.unit])).toEqual([
      ['经济发展', '地区生产总值增长', '%'],
      ['经济发展', '城镇化率', '%'],
      ['民生福祉', '城镇新增就业', '万人'],
    ]);
    expect(table.indicators[2].values['target-2025']).toMatchObject({ kind: 'bracketed', value: 10, qualifier: 'cumulative' });
    // every cell still points at its raw text
    for (const q of table.indicators.flatMap((i) => Object.values(i.values))) expect(text.slice(q.source!.offset, q.source!.endOffset)).toBe(q.raw);
  });

  it('space-separated rows with the header on one line and no attribute column', () => {
    const { table } = inline(['指标名称 2020年基数 2025年目标', '1 地区生产总值（亿元） 151.7 200 以上', '2 森林覆盖率（%） 33.4 按市定目标执行'].join('\n'));
    expect(table.kind).toBe('indicators');
    expect(table.indicators.map((i) => [i.name, i.unit, i.values['base-2020']?.value, i.values['target-2025']?.kind])).toEqual([
      ['地区生产总值', '亿元', 151.7, 'atLeast'],
      ['森林覆盖率', '%', 33.4, 'text'],
    ]);
  });
});
