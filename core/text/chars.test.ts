import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eastAsianWidth } from 'get-east-asian-width';
import { CJK_PUNCT, HAN, displayWidth, endsSentence, isCjkCode } from './chars.js';

/** endsSentence's plain definition, by strings and sets. */
function endsSentencePlain(text: string): boolean {
  const FINAL = new Set(['。', '！', '？', '；', '：', '…', '!', '?', ';']);
  const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】']);
  let t = text.replace(/[* \t\n]+$/, '');
  while (t.length > 0 && CLOSERS.has(t[t.length - 1])) {
    const before = t[t.length - 2];
    if (before !== undefined && FINAL.has(before)) return true;
    if (t[t.length - 1] === '）' || t[t.length - 1] === ')') return false;
    t = t.slice(0, -1);
  }
  return t.length > 0 && FINAL.has(t[t.length - 1]);
}

describe('character tests by code', () => {
  it('isCjkCode is the class [HAN CJK_PUNCT]', () => {
    const re = new RegExp(`[${HAN}${CJK_PUNCT}]`);
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isCjkCode(c) !== re.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('endsSentence gives the plain definition’s answer (seeded)', () => {
    const piece = fc.constantFrom('。', '！', '？', '；', '：', '…', '!', '?', ';', '”', '’', '」', '』', '）', ')', '》', '】', '*', ' ', '\t', '\n', '发', '展', 'a', '1', '（', '“', '，');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (xs) => {
        const text = xs.join('');
        expect(endsSentence(text)).toBe(endsSentencePlain(text));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
    for (const t of ['', '。', '加快发展。”', '（一）', '见附表）', '**目标。**', '到2025年：', '他说：“好！”》']) expect(endsSentence(t)).toBe(endsSentencePlain(t));
  });

  it('displayWidth of a range is that of the range cut out (seeded)', () => {
    const piece = fc.constantFrom('湛', 'a', '\t', '—', '𠀀', '，', '·', '\ud840', '\udc00', '①');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(), fc.nat(), (xs, x, y) => {
        const s = xs.join('');
        const from = x % (s.length + 1);
        const to = from + (y % (s.length - from + 1));
        expect(displayWidth(s, from, to)).toBe(displayWidth(s.slice(from, to)));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });

  it('displayWidth by table is the plain definition, every BMP character and pairs', () => {
    // the definition before the table: ASCII 1 (tab 4), the common wide ranges 2, else East Asian width with ambiguous as wide
    const plain = (s: string): number => {
      let w = 0;
      for (const ch of s) {
        const c = ch.codePointAt(0)!;
        if (c < 0x80) w += c === 9 ? 4 : 1;
        else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || (c >= 0x2018 && c <= 0x201d)) w += 2;
        else w += eastAsianWidth(c, { ambiguousAsWide: true });
      }
      return w;
    };
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (displayWidth(s) !== plain(s)) differ.push(c);
    }
    expect(differ).toEqual([]);
    for (const s of ['𠀀湛', '\ud840a', 'a\udc00', '\ud83d\ude00，—']) expect(displayWidth(s)).toBe(plain(s));
  });
});
