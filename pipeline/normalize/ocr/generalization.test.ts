import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import { ocrCorrections } from './ocr-corrections.js';
import { defaultRules } from './rules.js';
import { detectSubject } from './subject.js';
import { offsetsOf, readFixture } from '../../../test/builders/ocr-fixtures.js';

const g = loadGazetteer();
const rules = defaultRules();
const base = readFixture('000');

/** Replace the character at each offset. */
const swapAt = (text: string, at: Iterable<number>, ch: string) => {
  const a = text.split('');
  for (const o of at) a[o] = ch;
  return a.join('');
};

/** Precision and recall of the edits against the swapped offsets (the original character is the truth). */
function score(text: string, swapped: Set<number>, truth: string) {
  const subject = detectSubject(text, g);
  const { edits } = ocrCorrections(text, { subject, rules });
  const tp = edits.filter((e) => swapped.has(e.start) && e.replacement === truth).length;
  return { subject, edits, tp, fp: edits.length - tp, fn: swapped.size - tp };
}

const zhanOffsets = offsetsOf(base, '湛');

describe('generalization: 000 with 湛 swapped for 漯 at random places', () => {
  it('gets every swapped 湛 back (precision and recall 1), and 平漯周 stays', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...zhanOffsets), { minLength: 24, maxLength: 48 }), (picked) => {
        const swapped = new Set(picked);
        const text = swapAt(base, swapped, '漯');
        const r = score(text, swapped, '湛');
        expect(r.subject?.name).toBe('湛河区');
        expect({ fp: r.fp, fn: r.fn }).toEqual({ fp: 0, fn: 0 });
        for (const o of offsetsOf(text, '平漯周')) expect(r.edits.some((e) => e.start === o + 1)).toBe(false);
      }),
      { numRuns: 15, seed: 20250301 },
    );
  });

  it('keeps a genuine 漯河市 and a list of cities even in a document that confuses 漯 for 湛', () => {
    const sentence = '\n\n深化与漯河市在物流、文旅领域的合作，推动平顶山、漯河、周口协同发展，支持漯河市食品产业。\n\n';
    const cut = base.indexOf('\n', 20_000);
    const withGenuine = base.slice(0, cut) + sentence + base.slice(cut);
    const genuine = offsetsOf(sentence, '漯').map((o) => o + cut);
    expect(genuine).toHaveLength(3);
    const zhan = offsetsOf(withGenuine, '湛');
    const swapped = new Set(zhan.filter((_, i) => i % 3 === 0));
    for (const text of [withGenuine, swapAt(withGenuine, swapped, '漯')]) {
      const { edits } = ocrCorrections(text, { subject: detectSubject(text, g), rules });
      expect(edits.filter((e) => genuine.includes(e.start))).toEqual([]);
    }
    const r = score(swapAt(withGenuine, swapped, '漯'), swapped, '湛');
    expect({ fp: r.fp, fn: r.fn }).toEqual({ fp: 0, fn: 0 });
  });

  it('corrects 淮 for 湛 only where the subject fits, never 淮河路 or 淮河流域', () => {
    const swapped = new Set(zhanOffsets.filter((o, i) => i % 4 === 0 && base.slice(o, o + 2) === '湛河'));
    const text = swapAt(base, swapped, '淮');
    const r = score(text, swapped, '湛');
    expect(r.fp).toBe(0);
    expect(r.tp / swapped.size).toBeGreaterThanOrEqual(0.9);
    const genuine = offsetsOf(base, '淮');
    expect(r.edits.filter((e) => genuine.includes(e.start))).toEqual([]);
  });
});

describe('generalization: the same document about another district', () => {
  // 杨浦区 (上海市) has a character of an everyday confusion pair (杨/扬): a harder subject than 湛河
  const other = base.split('湛河').join('杨浦');
  const names = offsetsOf(other, '杨浦');

  it('is detected as that district without code changes', () => {
    const s = detectSubject(other, g);
    expect(s).toMatchObject({ name: '杨浦区', code: '310110', province: '上海市', county: '杨浦区' });
  });

  it('gets back 杨 swapped for 扬 at random places in its name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...names), { minLength: 24, maxLength: 48 }), (picked) => {
        const swapped = new Set(picked);
        const r = score(swapAt(other, swapped, '扬'), swapped, '杨');
        expect({ fp: r.fp, fn: r.fn }).toEqual({ fp: 0, fn: 0 });
      }),
      { numRuns: 8, seed: 7 },
    );
  });

  it('with no confusion at all makes no correction', () => {
    expect(ocrCorrections(other, { subject: detectSubject(other, g), rules }).edits).toEqual([]);
  });
});
