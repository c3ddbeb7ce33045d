import { describe, expect, it } from 'vitest';
import { isHanCodePoint, letterCounts } from './letter-counts.js';

/** The plain definition: code points matching \p{Script=Han}. */
const plain = (t: string) => [...t].filter((c) => /^\p{Script=Han}$/u.test(c)).length;

describe('letterCounts', () => {
  it('agrees with \\p{Script=Han} on every code point', () => {
    const han = /^\p{Script=Han}$/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isHanCodePoint(cp) !== han.test(String.fromCodePoint(cp))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts code points as the regex does: a surrogate pair once, a lone surrogate not', () => {
    for (const t of ['', 'abc', '湛河区国民经济，“十四五”规划。', '〇々〆㐀𠀀𪜀x𠀀', '\ud840', '\ud840a\udc00', '⺀⼀〡〸豈', 'ＡＢ１２，。', 'ICP备05019657号 All Rights Reserved @[`{', 'ÀéŁ']) {
      expect(letterCounts(t).han).toBe(plain(t));
      expect(letterCounts(t).latin).toBe((t.match(/[A-Za-z]/g) ?? []).length);
    }
  });
});
