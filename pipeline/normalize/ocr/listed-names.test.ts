import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import { compactText } from '../../../core/provenance/compact-text.js';
import { jiebaLexicon } from '../../../core/lexicon/lexicon.js';
import { listedTownships } from './listed-names.js';
import { looksAlike } from './lookalikes.js';
import { ocrCorrections } from './ocr-corrections.js';
import { defaultRules } from './rules.js';
import { detectSubject } from './subject.js';
import { offsetsOf, readFixture } from '../../../test/builders/ocr-fixtures.js';

const g = loadGazetteer();
const rules = defaultRules();
const lexicon = jiebaLexicon();
const base = readFixture('002'); // a 湖滨区 (三门峡市) plan that lists its townships and streets

const swap = (text: string, at: readonly number[], ch: string) => {
  const a = text.split('');
  for (const o of at) a[o] = ch;
  return a.join('');
};

describe('townships and streets the document lists', () => {
  it('are read from lists (…、崖底街道、磁钟乡…), never from 技术返乡、智力返乡', () => {
    expect(listedTownships(compactText(base).text, lexicon).map((t) => t.name)).toEqual(['崖底街道', '磁钟乡']);
    expect(listedTownships('响力返乡、技术返乡、智力返乡、资金返乡。', lexicon)).toEqual([]);
  });

  it('a look-alike of a listed name (崕底 for 崖底) at every fourth mention is corrected, nothing else changes', () => {
    expect(looksAlike('崖', '崕')).toBe(true);
    const at = offsetsOf(base, '崖底').filter((_, i) => i % 4 === 0);
    const printed = swap(base, at, '崕');
    const { edits } = ocrCorrections(printed, { subject: detectSubject(printed, g), rules });
    expect(edits.map((e) => e.start)).toEqual(at);
    expect(edits.every((e) => e.replacement === '崖' && e.rule === 'ocr/local-name')).toBe(true);
  });

  it('when the misprint is as frequent as the name, neither form is protected (no gazetteer says which is real)', () => {
    const at = offsetsOf(base, '崖底').filter((_, i) => i % 2 === 0);
    const printed = swap(base, at, '崕');
    const { edits } = ocrCorrections(printed, { subject: detectSubject(printed, g), rules });
    expect(edits).toEqual([]);
  });

  it('are the matches of the lookbehind regex tried at every position (the commas found first)', () => {
    const plain = (text: string) =>
      [...text.matchAll(/(?<=、)(\p{Script=Han}{2})(街道|镇|乡)(?=、|等|[^\p{Script=Han}]|$)/gu)].map((m) => m[1] + m[2]).filter((n, i, all) => all.indexOf(n) === i).sort((a, b) => a.localeCompare(b));
    const none = new Map<string, number>();
    for (const text of ['高庙乡、磁钟乡、交口乡', '、崖底街道等', '、𠀀𠀁镇、、甲乙乡x', '、甲乙丙乡、丁戊乡', '、甲乙镇', '、甲乙', '']) {
      expect(listedTownships(text, none).map((t) => t.name)).toEqual(plain(text));
    }
  });
});
