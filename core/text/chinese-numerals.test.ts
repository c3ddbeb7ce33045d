import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumeral } from './chinese-numerals.js';

/** parseNumeral's plain definition, by regexes. */
function plain(text: string): number | null {
  const DIGITS: Record<string, number> = { 〇: 0, '○': 0, 'Ｏ': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  if (t.length === 0 || !/^[〇○Ｏ零一二两三四五六七八九十百千]+$/.test(t)) return null;
  if (!/[十百千]/.test(t)) return [...t].reduce((n, ch) => n * 10 + DIGITS[ch], 0);
  let total = 0;
  let current = 0;
  for (const ch of t) {
    if (ch in DIGITS) current = DIGITS[ch];
    else {
      total += (current === 0 ? 1 : current) * (ch === '十' ? 10 : ch === '百' ? 100 : 1000);
      current = 0;
    }
  }
  return total + current;
}

describe('parseNumeral', () => {
  it('gives the plain definition’s answer (seeded)', () => {
    const piece = fc.constantFrom('〇', '○', 'Ｏ', '零', '一', '两', '五', '九', '十', '百', '千', '1', '0', '９', '１', ' ', '年', '𠀀', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (xs) => {
        const text = xs.join('');
        expect(parseNumeral(text)).toBe(plain(text));
      }),
      { seed: 20261130, numRuns: 5000 },
    );
    for (const t of ['二〇三五', '十四', '一百零五', '２０２５', ' 12 ', '']) expect(parseNumeral(t)).toBe(plain(t));
  });
});
