import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import { spacingEdits } from './spacing.js';

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
});
