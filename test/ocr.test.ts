import { describe, expect, it } from 'vitest';
import { fixtureDocument, allParagraphs, fixtureText } from './helpers.js';

const ocr = (name: string) => fixtureDocument(name).corrections.filter((c) => c.stage === 'ocr');

describe('OCR corrections in built documents (issue 4, end to end)', () => {
  it('001: 21 of its 22 漯 become 湛 in the text, with evidence and raw positions; 平漯周高铁 (raw line 121) stays', () => {
    const fixes = ocr('001').filter((c) => c.from === '漯');
    expect(fixes).toHaveLength(21);
    const raw = fixtureText('001');
    for (const c of fixes) {
      expect(c.to).toBe('湛');
      expect(raw.slice(c.source.offset, c.source.endOffset)).toBe('漯');
      expect(c.evidence).toHaveProperty('context');
    }
    expect(fixes.some((c) => c.source.line === 121)).toBe(false);
    const text = allParagraphs(fixtureDocument('001')).map((p) => p.text).join('\n');
    expect(text).toContain('平漯周高铁');
    expect(text).toContain('湛河新区加速推进');
    expect(text).not.toMatch(/漯河(?:新区|区)/);
  });

  it('004: 10 漯 and “五个淮河” corrected; the three 平漯周高铁 stay', () => {
    const fixes = ocr('004');
    expect(fixes.filter((c) => c.from === '漯')).toHaveLength(10);
    expect(fixes.filter((c) => c.from === '淮').map((c) => c.source.line)).toEqual([87]);
    const text = allParagraphs(fixtureDocument('004')).map((p) => p.text).join('\n');
    expect(text.match(/平漯周高铁/g)).toHaveLength(3);
    expect(text).toContain('“五个湛河”');
  });

  it('000: no correction of 漯 or 淮 (平漯周高铁, 淮河路 are real)', () => {
    expect(ocr('000')).toEqual([]);
  });

  it('003: 湛江 for the river 湛河 is corrected with evidence; 郟县 and 落鳧山 are normalized by OpenCC', () => {
    const doc = fixtureDocument('003');
    expect(ocr('003').map((c) => [c.from, c.to, c.source.line])).toEqual([['江', '河', 710], ['江', '河', 710]]);
    const t2s = doc.corrections.filter((c) => c.rule === 'opencc/t2s-leftover').map((c) => [c.from, c.to, c.source.line]);
    expect(t2s).toEqual([['郟', '郏', 662], ['鳧', '凫', 934]]);
  });

  it('records the document’s own division as its region (the OCR subject)', () => {
    expect(fixtureDocument('003').meta.region).toEqual({ province: '河南省', city: '平顶山市', county: '卫东区', code: '410403' });
    expect(fixtureDocument('wiki').meta.region).toEqual({ province: null, city: null, county: null, code: null });
  });
});
