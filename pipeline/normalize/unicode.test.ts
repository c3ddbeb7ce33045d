import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import { isFullwidthAsciiCode, toHalf, unicodeEdits } from './unicode.js';

const run = (s: string): string => {
  let t = applyEdits(fromRaw(s), unicodeEdits(s)).text;
  // NFC goes first, the rest on a second pass
  t = applyEdits(t, unicodeEdits(t.text)).text;
  return t.text;
};

describe('unicode', () => {
  it('turns full-width digits, letters and number symbols half-width and keeps Chinese punctuation', () => {
    expect(run('增长１２.５％，ＧＤＰ（亿元）：')).toBe('增长12.5%，GDP（亿元）：');
    expect(run('1．金融服务。')).toBe('1.金融服务。');
    expect(run('2021－2025年')).toBe('2021-2025年');
  });

  it('canonicalizes dash variants standing as empty cells, not dashes in running text', () => {
    expect(run('1 地区生产总值增长（%） —— —— 7左右 预期性')).toBe('1 地区生产总值增长（%） — — 7左右 预期性');
    expect(run('x\t－\t‐\t5')).toBe('x\t—\t—\t5');
    expect(run('——2021年3月2日在湛河区')).toBe('——2021年3月2日在湛河区');
    expect(run('曹镇乡—河滨办事处')).toBe('曹镇乡—河滨办事处');
    expect(run('降低 −11.59')).toBe('降低 -11.59');
  });

  it('reads subscript digits as plain digits (PM ₁₀ → PM10) and applies NFC', () => {
    expect(run('可吸入颗粒物（PM ₁₀ ）')).toBe('可吸入颗粒物（PM10）');
    expect(run('Cafe\u0301')).toBe('Café');
  });

  it('leaves a spaced —— in running text alone, and corrects only the piece NFC changes', () => {
    expect(run('坚持一个目标 —— 高质量发展')).toBe('坚持一个目标 —— 高质量发展');
    const edits = unicodeEdits('很长的一行文字，其中有一个 Cafe\u0301 的外文词。');
    expect(edits.map((e) => [e.rule, e.replacement])).toEqual([['unicode/nfc', 'é']]);
  });

  it('logs each change as a correction', () => {
    const edits = unicodeEdits('１２．５');
    expect(edits).toEqual([expect.objectContaining({ start: 0, end: 4, replacement: '12.5', rule: 'unicode/fullwidth-ascii', kind: 'correction' })]);
  });
});

describe('unicode by code', () => {
  it('isFullwidthAsciiCode is the FULLWIDTH class', () => {
    const re = /[０-９Ａ-Ｚａ-ｚ％．＋＝＜＞＠＃＆＊＿｜]/;
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isFullwidthAsciiCode(c) !== re.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('finds each rule’s characters wherever they stand among the others', () => {
    const text = '增长１２％，2021－2025年，\u22125℃，CO₂排放';
    expect(unicodeEdits(text).map((e) => e.rule)).toEqual(['unicode/fullwidth-ascii', 'unicode/fullwidth-ascii', 'unicode/minus', 'unicode/subscript']);
  });

  it('toHalf maps U+FF01–U+FF5E as the regex replace does', () => {
    let all = '';
    for (let c = 0xff00; c <= 0xff60; c++) all += String.fromCharCode(c);
    all += '１２.５％，ＧＤＰ－／';
    expect(toHalf(all)).toBe(all.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  });
});
