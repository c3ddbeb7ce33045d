import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TOC_ENTRY, isTocEntry } from './line-kind.js';

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
