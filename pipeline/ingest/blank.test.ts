import { describe, expect, it } from 'vitest';
import { onlyBlank } from './index.js';

/** The definition onlyBlank replaces: nothing left once whitespace and zero-width characters are removed. */
const blankByRegex = (text: string): boolean => text.replace(/[\s\u200b-\u200d\ufeff]/g, '').length === 0;

describe('onlyBlank', () => {
  it('agrees with the regex on every BMP character, alone and between spaces', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(onlyBlank(ch)).toBe(blankByRegex(ch));
      expect(onlyBlank(` \u3000${ch}\u200b\n`)).toBe(blankByRegex(` \u3000${ch}\u200b\n`));
    }
  });

  it('takes a text of spaces and line breaks as blank, and one with a character as not', () => {
    expect(onlyBlank('')).toBe(true);
    expect(onlyBlank('\ufeff \r\n\t\u3000\u200d')).toBe(true);
    expect(onlyBlank('\n\n  各位代表：\n')).toBe(false);
  });
});
