import { describe, expect, it } from 'vitest';
import { continuesRow, type RowShape } from './pdf-row-cut.js';

/** A row of single cells; '|' marks a position covered by the cell to its left (that cell spans it). */
const row = (...texts: string[]): RowShape =>
  texts.map((text, c) => {
    if (text === '|') return null;
    let colSpan = 1;
    while (texts[c + colSpan] === '|') colSpan++;
    return { text, colSpan };
  });

describe('continuesRow', () => {
  it.each([
    ['the rest of a name', row('5', '研发经费投入增长', '1.8', '2.6', '预期性'), row('', '（%）', '', '', '')],
    ['the rest of a value cut in two', row('19', '森林覆盖率（%）', '—', '按市下达目', '约束性'), row('', '', '', '标', '')],
    ['the rest of a name and of a value', row('3', '单位GDP能源', '—', '完成市定', '约束性'), row('', '消耗降低（%）', '', '目标', '')],
    ['a table without a number column', row('地区生产总值增', '7', '8'), row('长率（%）', '', '')],
  ])('joins %s', (_, above, below) => {
    expect(continuesRow(above, below)).toBe(true);
  });

  it.each([
    ['a row with its own number', row('4', '社会消费品零售总额增长', '124', '8左右', '预期性'), row('5', '研发经费投入', '', '', '')],
    ['a sub-row printed whole', row('', '化学需氧量', '1', '2', '约束性'), row('', '氨氮', '3', '4', '约束性')],
    ['a sub-row under a parent without values', row('14', '主要污染物排放减少', '', '', ''), row('', '化学需氧量', '1', '2', '约束性')],
    ['a category row', row('4', '社会消费品零售总额增长', '124', '8左右', '预期性'), row('二、创新驱动', '|', '|', '|', '|')],
    ['a data row under a category row', row('二、创新驱动', '|', '|', '|', '|'), row('', '研发', '|', '|', '|')],
    ['an empty row', row('5', '研发', '1', '2', '预期性'), row('', '', '', '', '')],
    ['rows of different widths', row('5', '研发', '1'), row('', '（%）', '', '')],
  ])('keeps apart %s', (_, above, below) => {
    expect(continuesRow(above, below)).toBe(false);
  });
});
