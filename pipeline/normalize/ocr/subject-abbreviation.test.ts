import { describe, expect, it } from 'vitest';
import { positionsOf } from './subject-abbreviation.js';

describe('positionsOf', () => {
  it('finds every one-unit form in text order, as a test of every character would', () => {
    const text = '漯南社区与淮南路，漯河、淮河和湛河。漯';
    const forms = ['漯', '淮', '漯', '𠀀'];
    const plain = [...text].flatMap((_, i) => (forms.includes(text[i]) ? [i] : []));
    expect(positionsOf(text, forms)).toEqual(plain);
    expect(positionsOf(text, [])).toEqual([]);
  });
});
