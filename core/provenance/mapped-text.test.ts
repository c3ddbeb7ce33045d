import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, fromRaw, rawRange, runMap, type Edit, type MappedText } from './index.js';

const edit = (start: number, end: number, replacement: string): Edit => ({ start, end, replacement, rule: 'test', kind: 'layout' });

describe('applyEdits', () => {
  it('maps unchanged characters back to their raw offsets and replacements to the replaced span', () => {
    const raw = '263.06 亿\n\n元';
    const { text, applied } = applyEdits(fromRaw(raw), [edit(6, 7, ''), edit(8, 10, '')]);
    expect(text.text).toBe('263.06亿元');
    expect(rawRange(text, 6, 7)).toEqual([7, 8]);
    expect(rawRange(text, 7, 8)).toEqual([10, 11]);
    expect(applied.map((a) => [a.rawStart, a.rawEnd, a.removed])).toEqual([[6, 7, 1], [8, 10, 2]]);
  });

  it('maps every character of an unequal-length replacement to the whole span (generated text)', () => {
    const { text } = applyEdits(fromRaw('a——b'), [edit(1, 3, '—')]);
    expect(text.text).toBe('a—b');
    expect(rawRange(text, 1, 2)).toEqual([1, 3]);
  });

  it('keeps the maps of equal-length edits (shared, not copied) and sorts edits given out of order', () => {
    const mt = fromRaw('１２亿元\n３');
    const { text } = applyEdits(mt, [edit(5, 6, '3'), edit(0, 2, '12')]);
    expect(text.text).toBe('12亿元\n3');
    expect(text.starts).toBe(mt.starts);
    expect([...text.ends]).toEqual([1, 2, 3, 4, 5, 6]);
    const inOrder = applyEdits(mt, [edit(0, 2, '12'), edit(5, 6, '3')]);
    expect(inOrder.applied.map((a) => a.edit.replacement)).toEqual(['12', '3']);
  });

  it('skips overlapping edits instead of merging them', () => {
    const { text, skipped } = applyEdits(fromRaw('abcdef'), [edit(1, 3, 'X'), edit(2, 4, 'Y')]);
    expect(text.text).toBe('aXdef');
    expect(skipped).toHaveLength(1);
  });

  it('keeps the map exact under random deletions (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 10 }), (raw, cuts) => {
        const positions = [...new Set(cuts.map((c) => c % raw.length))].sort((a, b) => a - b);
        const { text } = applyEdits(fromRaw(raw), positions.map((p) => edit(p, p + 1, '')));
        // every surviving character maps to a raw character equal to it
        for (let i = 0; i < text.text.length; i++) expect(raw[text.starts[i]]).toBe(text.text[i]);
        // the run map reproduces the same positions
        const runs = runMap(text, 0, text.text.length);
        for (let r = 0; r < runs.length; r++) {
          const [t, o] = runs[r];
          const next = r + 1 < runs.length ? runs[r + 1][0] : text.text.length;
          for (let k = t; k < next; k++) expect(text.starts[k]).toBe(o + (k - t));
        }
      }),
      { seed: 20261122, numRuns: 200 },
    );
  });

  it('runMap starts a run where the plain per-character test does (seeded)', () => {
    const plainRuns = (mt: MappedText, a: number, b: number): Array<[number, number]> => {
      const runs: Array<[number, number]> = [];
      for (let i = a; i < b; i++) {
        const p = i - 1;
        const continues = i > a && mt.starts[i] === mt.starts[p] + 1 && mt.ends[p] === mt.starts[p] + 1 && mt.ends[i] === mt.starts[i] + 1;
        if (!continues) runs.push([i - a, mt.starts[i]]);
      }
      return runs;
    };
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', 'x', 'yz')), { maxLength: 6 }), fc.nat(), fc.nat(), (raw, cuts, x, y) => {
        const { text } = applyEdits(fromRaw(raw), cuts.map(([p, len, r]) => edit(p % raw.length, Math.min(raw.length, (p % raw.length) + len), r)));
        const n = text.text.length;
        const a = n === 0 ? 0 : x % n;
        const b = a + (n === 0 ? 0 : y % (n - a + 1));
        expect(runMap(text, a, b)).toEqual(plainRuns(text, a, b));
      }),
      { seed: 20261130, numRuns: 1000 },
    );
  });
});
