import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignKeys, diffSequence, similarity } from './align.js';
import { textEdits, renderEdit, tokenize, applyTextEdits } from './text.js';

const SEED = 20240611;

/** LCS length by dynamic programming, the reference. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}

function validMatches(a: readonly string[], b: readonly string[], matches: Array<[number, number]>): boolean {
  let pi = -1;
  let pj = -1;
  for (const [i, j] of matches) {
    if (i <= pi || j <= pj || a[i] !== b[j]) return false;
    pi = i;
    pj = j;
  }
  return true;
}


const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 40 });

describe('alignKeys (Myers)', () => {
  it('finds a longest common subsequence', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { matches, exact } = alignKeys(a, b);
        expect(exact).toBe(true);
        expect(validMatches(a, b, matches)).toBe(true);
        expect(matches.length).toBe(lcsLength(a, b));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('falls back to the heuristic beyond the budget, still with a valid alignment, and says so', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { matches } = alignKeys(a, b, 1);
        expect(validMatches(a, b, matches)).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
    const a = Array.from({ length: 5000 }, (_, i) => `p${i}`);
    const b = a.map((x, i) => (i % 3 === 0 ? `${x}'` : x));
    const r = alignKeys(a, b, 10_000);
    expect(r.exact).toBe(false);
    expect(validMatches(a, b, r.matches)).toBe(true);
    expect(r.matches.length).toBe(5000 - 1667); // every unchanged item is unique, so each anchors
  });

  // speed is measured by npm run bench, not here: this checks that a large, slightly different list
  // still aligns exactly (within the work budget) instead of falling back
  it('aligns large, slightly different lists exactly', () => {
    const a = Array.from({ length: 50_000 }, (_, i) => `paragraph ${i}`);
    const b = [...a.slice(0, 20_000), 'inserted', ...a.slice(20_000, 40_000), ...a.slice(40_001)];
    const r = alignKeys(a, b);
    expect(r.exact).toBe(true);
    expect(r.matches.length).toBe(49_999);
  });
});

describe('diffSequence', () => {
  it('pairs a removed item with a similar added one as a change, and detects moves', () => {
    const a = ['加快建设现代产业体系', '推进乡村振兴', '完善公共服务', '深化改革开放'];
    const b = ['加快建设现代化产业体系', '推进乡村振兴', '完善公共服务', '深化改革开放', '推进乡村振兴'];
    const changed = diffSequence(a, b, (s) => s, { score: similarity, moves: true }).ops.filter((o) => o.change !== 'equal');
    expect(changed.map((o) => [o.change, o.before, o.after])).toEqual([
      ['changed', '加快建设现代产业体系', '加快建设现代化产业体系'],
      ['added', null, '推进乡村振兴'],
    ]);
    const c = ['完善公共服务', '加快建设现代产业体系', '深化改革开放', '推进乡村振兴'];
    const d = ['加快建设现代产业体系', '深化改革开放', '推进乡村振兴', '完善公共服务'];
    const moved = diffSequence(c, d, (s) => s, { score: similarity, moves: true }).ops.filter((o) => o.change !== 'equal');
    expect(moved).toEqual([{ change: 'moved', before: '完善公共服务', after: '完善公共服务', i: 0, j: 3 }]);
  });
});

describe('textEdits', () => {
  it('turns the text before into the text after', () => {
    const text = fc.string({ unit: fc.constantFrom('发', '展', '经', '济', '7', '.', '5', 'G', 'D', 'P', '，'), maxLength: 60 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(applyTextEdits(a, textEdits(a, b))).toBe(b);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('compares CJK by character and numbers as whole tokens', () => {
    expect(tokenize('GDP增长7.5%左右')).toEqual(['GDP', '增', '长', '7.5%', '左', '右']);
    const [e] = textEdits('地区生产总值增长7.5%左右', '地区生产总值增长8%左右');
    expect(e).toMatchObject({ removed: '7.5%', added: '8%', left: '地区生产总值增长' });
    expect(renderEdit(e, '地区生产总值增长7.5%左右')).toBe('地区生产总值增长[-7.5%-]{+8%+}左右');
  });
});
