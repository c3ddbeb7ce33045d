import { describe, expect, it } from 'vitest';
import { DocContext } from '../../core/context.js';
import { parseTable } from './parse-table.js';
import { rawRowsFromLines } from '../../test/builders/raw-rows.js';
import { readFlattened } from './layout-flattened.js';

/** A table region over an inline text, every non-blank line a row (as the structure stage gives them). */
function inline(text: string) {
  const doc = new DocContext('inline.md', text);
  const rows = rawRowsFromLines(doc, 1, doc.lines.lineCount).filter((r) => r.text.trim() !== '');
  return { doc, table: parseTable({ id: 't', number: null, title: '长宁区“十五五”经济社会发展主要指标', sectionId: null, source: doc.span(0, text.length), notes: [], rawRows: rows }, doc) };
}

// cut from the Changning 十五五 outline (shared corpora, Markdown): one cell per paragraph
const HEADER = ['序号', '指标名称', '单位', '属性', '“十五五”目标'];
const ROWS = [
  ['1', '地区生产总值年均增速', '%', '预期性', '与全市经济增速\n保持同步'],
  ['2', '区级一般公共预算收入年均增速', '%', '预期性', '与全市保持同步'],
  ['3', '全员劳动生产率', '万元/人', '预期性', '55左右'],
  ['16', '人均公园绿地面积', '平方米/人', '约束性', '≥7.82'],
];
const paragraphs = (cells: string[][]): string => cells.flat().join('\n\n');

describe('readFlattened: a table flattened to one cell per paragraph', () => {
  it('reads the header labels, then each row from its sequence number; a cell wrapped inside its paragraph stays one cell', () => {
    const { table, doc } = inline(paragraphs([HEADER, ...ROWS]));
    expect(table.kind).toBe('indicators');
    expect(table.columns.map((c) => [c.key, c.header])).toEqual([['unit', '单位'], ['attribute', '属性'], ['target', '“十五五”目标']]);
    expect(table.indicators.map((i) => [i.seq, i.name, i.unit, i.attributeText])).toEqual([
      ['1', '地区生产总值年均增速', '%', '预期性'],
      ['2', '区级一般公共预算收入年均增速', '%', '预期性'],
      ['3', '全员劳动生产率', '万元/人', '预期性'],
      ['16', '人均公园绿地面积', '平方米/人', '约束性'],
    ]);
    expect(table.indicators[0].values.target).toMatchObject({ raw: '与全市经济增速保持同步', kind: 'text' });
    expect(table.indicators[2].values.target).toMatchObject({ raw: '55左右', kind: 'about', value: 55 });
    expect(table.indicators[3].values.target).toMatchObject({ kind: 'atLeast', value: 7.82 });
    const gdp = table.indicators[0].source;
    expect(doc.raw.slice(gdp.offset, gdp.endOffset)).toMatch(/^1\n\n地区生产总值年均增速\n\n%\n\n预期性\n\n与全市经济增速\n保持同步$/);
    expect(doc.diagnostics).toEqual([]);
  });

  it('keeps a row whose cells do not fit the header out, with a cells-ambiguous warning naming it', () => {
    const { table, doc } = inline(paragraphs([HEADER, ROWS[0], ['2', '区级一般公共预算收入年均增速', '%', '预期性', '与全市', '保持同步'], ROWS[2]]));
    expect(table.indicators.map((i) => i.seq)).toEqual(['1', '3']);
    expect(doc.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['cells-ambiguous', 'table row 2 has 5 cells for 4 columns, kept out: 2 / 区级一般公共预算收入年均增速 / % / 预期性 / 与全市 / 保持同步'],
    ]);
  });

  it('is not used for rows that are not one cell per line', () => {
    const text = ['序号\t指标\t2020年\t2025年\t属性', '1\t地区生产总值（亿元）\t151\t200\t预期性', '2\t常住人口（万人）\t10\t12\t预期性', '3\t城镇化率（%）\t60\t65\t预期性', '4\t森林覆盖率（%）\t30\t32\t约束性', '5\t人均预期寿命（岁）\t78\t79\t预期性'].join('\n');
    const doc = new DocContext('t.txt', text);
    expect(readFlattened(rawRowsFromLines(doc, 1, doc.lines.lineCount), doc)).toBeNull();
    const prose = ['序号', '指标名称', '说明', '1', '全区各项工作', '稳步推进'].join('\n');
    const d2 = new DocContext('p.txt', prose);
    expect(readFlattened(rawRowsFromLines(d2, 1, d2.lines.lineCount), d2)).toBeNull();
  });
});
