import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
});
