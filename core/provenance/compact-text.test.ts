import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactText, originalRange } from './compact-text.js';
import { isSpaceCode } from '../text/chars.js';

describe('compactText', () => {
  it('cuts every whitespace run and keeps each kept character’s offset', () => {
    // a hard-wrapped name, a letter-spaced title, an ideographic space and a BOM (cut from fixture-like lines)
    const text = '\ufeff湛\n\n河区\u3000政 府\t工作报告 ';
    const ct = compactText(text);
    expect(ct.text).toBe('湛河区政府工作报告');
    expect([...ct.offsets]).toEqual([1, 4, 5, 7, 9, 11, 12, 13, 14]);
    expect(originalRange(ct, 0, 3)).toEqual([1, 6]);
  });

  it('handles empty, all-space and space-free texts', () => {
    expect(compactText('').text).toBe('');
    expect(compactText(' \n\u3000').text).toBe('');
    expect(compactText(' \n\u3000').offsets.length).toBe(0);
    const plain = compactText('发展规划');
    expect(plain.text).toBe('发展规划');
    expect([...plain.offsets]).toEqual([0, 1, 2, 3]);
  });

  it('treats as space exactly what /\\s/u does', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('compactText by code', () => {
  it('keeps what the plain /\\s+/ cut keeps, with every kept offset (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('湛', 'a', ' ', '\n', '\u3000', '\ufeff', '\u00a0', '，', '𠀀', '\t', '\u2028', 'Ｏ'), { maxLength: 30 }), (xs) => {
        const text = xs.join('');
        const ct = compactText(text);
        expect(ct.text).toBe(text.replace(/\s+/g, ''));
        const kept: number[] = [];
        for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i])) kept.push(i);
        expect([...ct.offsets]).toEqual(kept);
        for (let k = 0; k < ct.text.length; k++) expect(text[ct.offsets[k]]).toBe(ct.text[k]);
      }),
      { seed: 20261130, numRuns: 1000 },
    );
  });
});
