import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TOC_ENTRY, isTableRow, isTocEntry, startsSpecial } from './line-kind.js';

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

describe('isTableRow', () => {
  it('gives the plain definition’s answer, without splitting lines that have fewer than three tokens (seeded)', () => {
    const NUMERIC = /^(?:[-+]?\d+(?:\.\d+)?%?|—{1,2}|-|\[[\d.]+\]|[≥≤><]\d+(?:\.\d+)?|\d+(?:\.\d+)?\/\d+)$/;
    const plain = (text: string): boolean => {
      const t = text.trim();
      if (t.length === 0) return false;
      if (/\t/.test(text)) {
        const cells = text.split('\t').filter((c) => c.trim().length > 0);
        if (cells.length >= 2 || /^\t/.test(text)) return !TOC_ENTRY.test(t);
      }
      if (/(?:预期性|约束性)\s*$/.test(t) && t.length < 120) return true;
      if (/[，。；！？]/.test(t)) return false;
      const tokens = t.split(/\s+/);
      const numeric = tokens.filter((tok) => NUMERIC.test(tok)).length;
      return numeric >= 3 && numeric >= tokens.length / 3 && tokens.some((tok) => /[\u4e00-\u9fff]{2}/.test(tok));
    };
    const piece = fc.constantFrom(' ', '  ', '\t', '\u3000', '12', '4.8', '—', '-', '[3]', '≥5', '1/2', '生产总值', '亿元', '，', '预期性', '..', '5');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (xs) => {
        const text = xs.join('');
        expect(isTableRow(text)).toBe(plain(text));
      }),
      { seed: 20261130, numRuns: 5000 },
    );
  });
});
