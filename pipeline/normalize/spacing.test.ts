import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import fc from 'fast-check';
import { spacingEdits } from './spacing.js';
import { CJK_PUNCT, HAN } from '../../core/text/chars.js';
import { isTableRow } from '../../core/text/line-kind.js';

/** The plain definition: per line that is not a table row, the runs of spaces the regex finds. */
function byRegex(text: string): Array<[number, number]> {
  const CJK = `${HAN}${CJK_PUNCT}`;
  const re = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}A-Za-z0-9\\[(%])|(?<=[A-Za-z0-9%\\])]) +(?=[${CJK}])`, 'g');
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (!isTableRow(line)) for (const m of line.matchAll(re)) out.push([start + m.index, start + m.index + m[0].length]);
    start += line.length + 1;
  }
  return out;
}

const run = (s: string): string => applyEdits(fromRaw(s), spacingEdits(s)).text.text;

describe('extraction spaces', () => {
  it('removes spaces between CJK characters and between a number and CJK (004: 263.06 亿元)', () => {
    expect(run('全区完成地区生产总值 263.06 亿元，同比增长 4.8%；')).toBe('全区完成地区生产总值263.06亿元，同比增长4.8%；');
    expect(run('政 府 工 作 报 告')).toBe('政府工作报告');
    expect(run('“十四五”时期（2021-2025 年）')).toBe('“十四五”时期（2021-2025年）');
  });

  it('keeps spaces between Latin words and inside table rows', () => {
    expect(run('推进 Smart City 建设')).toBe('推进Smart City建设');
    expect(run('10 人均绿地面积（平方米） — 20 — 29.37 约束性')).toBe('10 人均绿地面积（平方米） — 20 — 29.37 约束性');
    expect(run('6. 万元生产总值能耗降低率\t%\t1\t[2]\t完成市定 目标')).toBe('6. 万元生产总值能耗降低率\t%\t1\t[2]\t完成市定 目标');
  });

  it('finds the runs the lookbehind regex finds, line by line (seeded)', () => {
    const piece = fc.constantFrom(' ', '  ', '\n', '\t', '发', '展', '亿', '元', '，', '“', '”', '—', '·', 'a', 'Z', '1', '4.8', '%', '[', ']', '(', ')', '预期性', '　', '－');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (xs) => {
        const text = xs.join('');
        expect(spacingEdits(text).map((e) => [e.start, e.end])).toEqual(byRegex(text));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });
});
