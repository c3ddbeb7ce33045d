import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TOC_ENTRY, isTocEntry, startsSpecial } from './line-kind.js';

describe('line kinds', () => {
  it('isTocEntry is TOC_ENTRY on trimmed text (seeded)', () => {
    const piece = fc.constantFrom('.', '..', '…', '·', '-', '_', ' ', '\t', '1', '23', '第一章', '总则', '\u3000', '5 ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (xs) => {
        const t = xs.join('').trim();
        expect(isTocEntry(t)).toBe(TOC_ENTRY.test(t));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });
});

describe('startsSpecial', () => {
  it('is /^[\\s*]*[目专注备说资数表附图第〇零一二两三四五六七八九十百（(\\d序前引导]/ by code', () => {
    const re = /^[\s*]*[目专注备说资数表附图第〇零一二两三四五六七八九十百（(\d序前引导]/;
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      for (const lead of ['', ' \u3000', '**', '\t* ']) {
        const text = `${lead}${String.fromCharCode(c)}x`;
        if (startsSpecial(text) !== re.test(text)) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
    expect(startsSpecial('')).toBe(false);
    expect(startsSpecial('  ')).toBe(false);
  });
});
