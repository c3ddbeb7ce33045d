import { describe, expect, it } from 'vitest';
import { classifyHeader, makeColumns } from './header.js';
import { groupHeaderFragments, headerFragments } from './header-fragments.js';

describe('classifyHeader', () => {
  it('reads role and year from the words of a label', () => {
    expect(classifyHeader(['2015年基数'])).toEqual({ role: 'base', year: 2015 });
    expect(classifyHeader(['2025年目标'])).toEqual({ role: 'target', year: 2025 });
    expect(classifyHeader(['五年年均增速或累计'])).toEqual({ role: 'growth', year: null });
    expect(classifyHeader(['2020年完成值'])).toEqual({ role: 'actual', year: 2020 });
    expect(classifyHeader(['2024年计划'])).toEqual({ role: 'plan', year: 2024 });
    expect(classifyHeader(['计算单位'])).toEqual({ role: 'unit', year: null });
    expect(classifyHeader(['指标属性'])).toEqual({ role: 'attribute', year: null });
  });

  it('lets the leaf of a two-level header speak first, then its group', () => {
    expect(classifyHeader(['“十三五”基数', '2020年绝对值'])).toEqual({ role: 'base', year: 2020 });
    expect(classifyHeader(['“十三五”完成情况', '年均增长(%)'])).toEqual({ role: 'growth', year: null });
  });

  it('keys repeated roles by their group', () => {
    const cols = makeColumns([{ levels: ['“十三五”基数', '2020年绝对值'] }, { levels: ['“十三五”基数', '年均增长(%)'] }, { levels: ['“十四五”目标', '年均增速(%)'] }]);
    expect(cols.map((c) => c.key)).toEqual(['base-2020', 'base-growth', 'target-growth']);
    expect(makeColumns([{ levels: ['目标'] }, { levels: ['目标'] }]).map((c) => c.key)).toEqual(['target', 'target-2']);
  });
});

describe('groupHeaderFragments', () => {
  const group = (lines: string[]) => groupHeaderFragments(lines.flatMap((l, i) => headerFragments(l, i))).map((g) => g.text);

  it('groups header cells printed over several lines (000 表1)', () => {
    expect(group(['序号 指标名称', '2015 年', '基数', '2020 年', '目标', '年均增速', '（%）', '2020 年', '完成值', '指标属性'])).toEqual([
      '序号', '指标名称', '2015年基数', '2020年目标', '年均增速（%）', '2020年完成值', '指标属性',
    ]);
  });

  it('keeps a label broken mid-word together (000 表2) and a header on one line apart', () => {
    expect(group(['指标名称', '2020 年', '基数', '2025 年', '目标', '五年年均', '增速或累', '计', '指标属性'])).toEqual([
      '指标名称', '2020年基数', '2025年目标', '五年年均增速或累计', '指标属性',
    ]);
    expect(group(['指 标 2020年基数 2025年目标 年均增长(%) 属性'])).toEqual(['指标', '2020年基数', '2025年目标', '年均增长(%)', '属性']);
  });
});
