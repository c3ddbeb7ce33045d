import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MARKER_PATTERNS, matchMarker } from './markers.js';
import { parseNumeral } from './chinese-numerals.js';

/** matchMarker's plain definition: every pattern tried in order, whatever the line starts with. */
function plainMatch(text: string): { kind: string; length: number } | null {
  const t = text.replace(/^[\s*]+/, '');
  for (const [kind, re] of MARKER_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    if (kind !== 'preface' && parseNumeral(m[2].replace(/\s+/g, '')) === null) continue;
    return { kind, length: text.length - t.length + m[0].length };
  }
  return null;
}

describe('matchMarker', () => {
  it('tries only the patterns whose start the line has, with the plain answer (seeded)', () => {
    const piece = fc.constantFrom('第', '一', '十', '二', '章', '节', '篇', '部分', '、', '（', '）', '(', ')', '1', '2', '.', '．', '序', '言', ' ', '*', '发展', '〇');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (xs) => {
        const text = xs.join('');
        const m = matchMarker(text);
        expect(m && { kind: m.kind, length: m.length }).toEqual(plainMatch(text));
      }),
      { seed: 20261130, numRuns: 5000 },
    );
  });
});
