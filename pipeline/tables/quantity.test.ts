import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuantity } from './quantity.js';

describe('parseQuantity', () => {
  it('reads plain and negative numbers as numbers', () => {
    expect(parseQuantity('7.5')).toEqual({ raw: '7.5', kind: 'number', value: 7.5 });
    expect(parseQuantity('-11.59')).toEqual({ raw: '-11.59', kind: 'number', value: -11.59 });
    expect(parseQuantity('221.29')).toMatchObject({ kind: 'number', value: 221.29 });
  });

  it('reads 左右 as about, keeping the printed space in raw', () => {
    expect(parseQuantity('7左右')).toEqual({ raw: '7左右', kind: 'about', value: 7, qualifier: 'about' });
    expect(parseQuantity('7.5 左右')).toMatchObject({ raw: '7.5 左右', kind: 'about', value: 7.5 });
  });

  it('reads 以上 and ≥ as atLeast, 以下 / 以内 / ≤ as atMost', () => {
    expect(parseQuantity('40 以上')).toMatchObject({ kind: 'atLeast', value: 40, qualifier: 'atLeast' });
    expect(parseQuantity('≥83')).toMatchObject({ kind: 'atLeast', value: 83 });
    expect(parseQuantity('4.5以下')).toMatchObject({ kind: 'atMost', value: 4.5 });
    expect(parseQuantity('5 以内')).toMatchObject({ kind: 'atMost', value: 5 });
    expect(parseQuantity('≤ 3')).toMatchObject({ kind: 'atMost', value: 3 });
  });

  it('reads a rate with its denominator and qualifier', () => {
    expect(parseQuantity('14/10 万以下')).toEqual({ raw: '14/10 万以下', kind: 'rate', value: 14, denominator: '10万', qualifier: 'atMost' });
    expect(parseQuantity('13/10 万')).toEqual({ raw: '13/10 万', kind: 'rate', value: 13, denominator: '10万' });
  });

  it('reads brackets without assuming what they mean', () => {
    const q = parseQuantity('[5]');
    expect(q).toEqual({ raw: '[5]', kind: 'bracketed', value: 5 });
    expect(q.qualifier).toBeUndefined();
    expect(parseQuantity('[2.5]')).toMatchObject({ kind: 'bracketed', value: 2.5 });
  });

  it('reads 预计 as an estimate', () => {
    expect(parseQuantity('预计 2.5')).toEqual({ raw: '预计 2.5', kind: 'estimate', value: 2.5, qualifier: 'estimate' });
  });

  it('reads dashes and empty cells as none', () => {
    for (const raw of ['—', '——', '-', '', '－']) expect(parseQuantity(raw).kind).toBe('none');
  });

  it('keeps text targets as words, without the spaces extraction put in', () => {
    expect(parseQuantity('完成市定 目标')).toEqual({ raw: '完成市定 目标', kind: 'text', text: '完成市定目标' });
    for (const t of ['按市定目标执行', '与经济增长基本同步', '动态增长', '基本持平', '完成']) {
      expect(parseQuantity(t)).toEqual({ raw: t, kind: 'text', text: t });
    }
  });

  it('does not read two numbers separated by a space as one number', () => {
    expect(parseQuantity('43.1 40').kind).toBe('text');
  });

  it('round-trips any printed decimal, with or without a qualifier', () => {
    const decimal = fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}${f > 0 ? `.${f}` : ''}`);
    fc.assert(
      fc.property(decimal, fc.constantFrom('', ' ', '  '), fc.constantFrom('', '左右', '以上', '以下', '以内'), (n, space, suffix) => {
        const q = parseQuantity(`${n}${suffix ? space + suffix : ''}`);
        expect(q.value).toBe(Number(n));
        expect(q.kind).toBe(suffix === '' ? 'number' : suffix === '左右' ? 'about' : suffix === '以上' ? 'atLeast' : 'atMost');
      }),
    );
  });
});
