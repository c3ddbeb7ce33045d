import { describe, expect, it } from 'vitest';
import { jiebaLexicon } from '../../../core/lexicon/lexicon.js';
import { ocrCorrections } from './ocr-corrections.js';
import { defaultRules } from './rules.js';
import { offsetsOf, readFixture } from '../../../test/builders/ocr-fixtures.js';
import { bestWordAt, DECISIVE_RULE, wordAt } from './word-evidence.js';
import type { Lexicon } from '../../../core/lexicon/lexicon.js';

const rules = defaultRules();
const run = (text: string) => ocrCorrections(text, { subject: null, rules });
const apply = (text: string) => {
  const a = text.split('');
  for (const e of run(text).edits) a[e.start] = e.replacement;
  return a.join('');
};

describe('word evidence (rule 3)', () => {
  it('finds the most frequent dictionary word covering a character', () => {
    expect(bestWordAt('面向未来发展', 3, jiebaLexicon())?.word).toBe('未来');
  });

  it('reads the dictionary in place (frequencyAt) with the same answers as cut words (get)', () => {
    const jieba = jiebaLexicon();
    const byWord: Lexicon = { get: (w) => jieba.get(w), has: (w) => jieba.has(w) };
    const text = '加强生态冶理，面向未来发展，大力弘杨企业家精神。';
    for (let i = 0; i < text.length; i++) {
      expect(wordAt(text, i, jieba)).toBe(wordAt(text, i, byWord));
      expect(bestWordAt(text, i, jieba)).toEqual(bestWordAt(text, i, byWord));
    }
  });

  it('only suspects a non-word that the document never writes corrected (dictionary frequency alone is no evidence)', () => {
    const text = '加强生态冶理，面向末来，大力弘杨企业家精神。';
    const r = run(text);
    expect(r.edits).toEqual([]);
    expect(r.suspects.map((s) => `${s.from}→${s.to}`)).toEqual(['冶→治', '末→未', '杨→扬']);
    expect(r.suspects[0]).toMatchObject({ rule: 'ocr/word-evidence', evidence: { word: '治理', documentContext: { 态治理: 0 } } });
  });

  it(`corrects when decisive: ${DECISIVE_RULE}`, () => {
    const text = '加强生态治理，推进生态冶理。面向末来，大力弘杨企业家精神，弘扬企业家精神。';
    expect(apply(text)).toBe('加强生态治理，推进生态治理。面向末来，大力弘扬企业家精神，弘扬企业家精神。');
    const e = run(text).edits.find((x) => text[x.start] === '冶');
    expect(e).toMatchObject({ rule: 'ocr/word-evidence', replacement: '治', kind: 'correction' });
    expect(e?.evidence).toMatchObject({ word: '治理', pair: '冶→治', documentContext: { 态治理: 1 } });
    expect(e?.evidence?.wordFrequency).toBeGreaterThan(1000);
    expect(String(e?.evidence?.context)).toContain('【冶】');
    expect(run(text).suspects.map((s) => `${s.from}→${s.to}`)).toEqual(['末→未']);
  });

  it('leaves a character alone when it makes a dictionary word as written (既可, 拨出, 未见, 即便 from the national reports)', () => {
    const text = '这样做，既可以扩大就业，又可以增加收入。国家财政还将拨出专项资金，即可办理，即可办理。呈现出多年未见的景象，未来可期，即便如此。';
    const r = run(text);
    expect(r.edits).toEqual([]);
    expect(r.suspects).toEqual([]);
  });

  it('leaves real words alone when both forms are words (周末, 账户/帐户, 贷款/货款)', () => {
    const text = '周末来到公园。开立帐户，偿还货款，冶金工业。';
    expect(run(text).edits).toEqual([]);
  });

  it('matches words across a hard line break', () => {
    const text = '面向末\n\n来发展，面向未来。';
    const r = run(text);
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]).toMatchObject({ start: 2, end: 3, replacement: '未' });
    expect(r.edits[0].evidence).toMatchObject({ word: '未来' });
  });

  it('makes no correction in any clean fixture', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      expect(run(readFixture(id)).edits.filter((e) => e.rule === 'ocr/word-evidence')).toEqual([]);
    }
  });

  it('in 000 with half of its 治理/支持/弘扬/分析 swapped to 冶理/支待/弘杨/分折: no wrong edit, most swaps corrected, the rest suspects', () => {
    const base = readFixture('000');
    const pairs: Array<[string, string]> = [['治理', '冶理'], ['支持', '支待'], ['弘扬', '弘杨'], ['分析', '分折']];
    const truth = new Map<number, string>();
    let text = base;
    for (const [good, bad] of pairs) {
      const k = [...good].findIndex((c, j) => c !== bad[j]);
      offsetsOf(base, good).forEach((o, i) => {
        if (i % 2 === 0) truth.set(o + k, good[k]);
      });
    }
    const a = text.split('');
    for (const [o] of truth) a[o] = pairs.find(([g]) => g.includes(base[o]))![1][[...pairs.find(([g]) => g.includes(base[o]))![0]].indexOf(base[o])];
    text = a.join('');
    const { edits, suspects } = run(text);
    const tp = edits.filter((e) => truth.get(e.start) === e.replacement).length;
    expect(edits.length - tp).toBe(0); // precision 1
    expect(tp / truth.size).toBeGreaterThanOrEqual(0.55); // recall (0.60 measured): the decisive rule needs the word in the same context elsewhere
    const missed = [...truth.keys()].filter((o) => !edits.some((e) => e.start === o));
    const flagged = missed.filter((o) => suspects.some((s) => s.start === o && s.to === truth.get(o)));
    expect(flagged.length).toBeGreaterThanOrEqual(missed.length - 1); // the rest is left for review
  });
});
