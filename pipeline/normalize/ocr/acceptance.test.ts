import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import { applyEdits, fromRaw } from '../../../core/provenance/mapped-text.js';
import { ocrCorrections } from './ocr-corrections.js';
import { defaultRules } from './rules.js';
import { detectSubject } from './subject.js';
import { lineOf, offsetsOf, readFixture } from '../../../test/builders/ocr-fixtures.js';

const g = loadGazetteer();
const rules = defaultRules();

function run(prefix: string) {
  const text = readFixture(prefix);
  const subject = detectSubject(text, g);
  return { text, subject, ...ocrCorrections(text, { subject, rules }) };
}

/** Raw lines of the occurrences of `ch` that were (not) corrected to `to`. */
function split(r: ReturnType<typeof run>, ch: string, to: string) {
  const at = offsetsOf(r.text, ch);
  const edited = new Set(r.edits.filter((e) => e.replacement === to && e.end === e.start + 1).map((e) => e.start));
  return {
    total: at.length,
    corrected: at.filter((o) => edited.has(o)),
    kept: at.filter((o) => !edited.has(o)).map((o) => lineOf(r.text, o)),
  };
}

describe('ocr acceptance on the fixtures (raw text, raw offsets)', () => {
  it('001: 21 of 22 漯 are corrected to 湛; the 平漯周高铁 one (raw line 121) stays', () => {
    const r = run('001');
    const s = split(r, '漯', '湛');
    expect(s.total).toBe(22);
    expect(s.corrected).toHaveLength(21);
    expect(s.kept).toEqual([121]);
    for (const e of r.edits.filter((x) => r.text[x.start] === '漯')) {
      expect(e).toMatchObject({ kind: 'correction', rule: 'ocr/subject-entity', replacement: '湛' });
      expect(e.evidence).toMatchObject({ subject: '湛河区', target: '湛河区', form: '漯河', corrected: '湛河' });
      expect(String(e.evidence?.context)).toContain('【漯河】');
      expect(e.evidence?.signals).toHaveProperty('formIsWordOrPlace', ['漯河市 411100']);
    }
  });

  it('001: “湛江营商” (raw line 31) is corrected to 湛河 with the gazetteer entry as evidence', () => {
    const r = run('001');
    const e = r.edits.filter((x) => r.text[x.start] === '江');
    expect(e).toHaveLength(1);
    expect(lineOf(r.text, e[0].start)).toBe(31);
    expect(r.text.slice(e[0].start - 1, e[0].start + 3)).toBe('湛江营商');
    expect(e[0].replacement).toBe('河');
    expect(e[0].evidence?.signals).toMatchObject({ distantPlace: ['湛江市 (广东省)'], subjectContext: '…营商' });
  });

  it('004: 10 of 13 漯 are corrected; the three 平漯周高铁 (raw lines 37, 61, 125) stay; “五个淮河” (line 87) → 湛', () => {
    const r = run('004');
    const s = split(r, '漯', '湛');
    expect(s.total).toBe(13);
    expect(s.corrected).toHaveLength(10);
    expect(s.kept).toEqual([37, 61, 125]);
    const h = split(r, '淮', '湛');
    expect(h.corrected.map((o) => lineOf(r.text, o))).toEqual([87]);
    expect(r.text.slice(h.corrected[0] - 3, h.corrected[0] + 3)).toBe('“五个淮河”');
  });

  it('000: no 漯 (all four are 平漯周) and no 淮 (淮河路, 淮河流域 …) is touched, not even as a suspect', () => {
    const r = run('000');
    expect(offsetsOf(r.text, '漯')).toHaveLength(4);
    expect(offsetsOf(r.text, '淮')).toHaveLength(6);
    const touched = [...r.edits, ...r.suspects].filter((x) => '漯淮'.includes(r.text[x.start]));
    expect(touched).toEqual([]);
    expect(r.edits).toEqual([]);
  });

  it('003 (about 卫东区): 湛江 for the river 湛河 on raw line 710 is corrected twice, as a neighbour’s name', () => {
    const r = run('003');
    expect(r.subject?.name).toBe('卫东区');
    const e = r.edits.filter((x) => r.text[x.start] === '江' && r.text[x.start - 1] === '湛');
    expect(e.map((x) => lineOf(r.text, x.start))).toEqual([710, 710]);
    for (const x of e) {
      expect(x).toMatchObject({ rule: 'ocr/local-name', replacement: '河' });
      expect(x.evidence).toMatchObject({ subject: '卫东区', target: '湛河区', targetRole: 'local' });
    }
    expect(r.edits).toHaveLength(2);
  });

  it('002 and the national reports get no corrections', () => {
    expect(run('002').edits).toEqual([]);
  });

  it('edits apply cleanly (no overlaps) and leave only the genuine 漯', () => {
    for (const id of ['001', '004']) {
      const r = run(id);
      const { text, skipped } = applyEdits(fromRaw(r.text), r.edits);
      expect(skipped).toEqual([]);
      expect(offsetsOf(text.text, '漯').every((o) => text.text.slice(o - 1, o + 2) === '平漯周')).toBe(true);
    }
  });
});
