import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import { compactText } from '../../../core/provenance/compact-text.js';
import { detectSubject, nameIndex, scanNames, TITLE_LINES, TITLE_MAX_CHARS, titleEnd } from './subject.js';
import { readFixture } from '../../../test/builders/ocr-fixtures.js';

const g = loadGazetteer();

describe('detectSubject', () => {
  it.each([
    ['000', '湛河区', '平顶山市', '410411'],
    ['001', '湛河区', '平顶山市', '410411'],
    ['004', '湛河区', '平顶山市', '410411'],
    ['002', '湖滨区', '三门峡市', '411202'],
    ['003', '卫东区', '平顶山市', '410403'],
  ])('fixture %s is about %s (%s, %s)', (id, county, city, code) => {
    expect(detectSubject(readFixture(id), g)).toMatchObject({ level: 'county', name: county, county, city, province: '河南省', code });
  });

  it('003 names the river 湛河 but the title wins', () => {
    const text = readFixture('003');
    expect(text.split('湛河').length - 1).toBeGreaterThan(5);
    expect(detectSubject(text, g)?.name).toBe('卫东区');
  });

  it('counts forms one confusable character away (漯河区 in 001) as the real name', () => {
    const s = detectSubject(readFixture('001'), g);
    expect(s?.evidence.variantHits).toBeGreaterThan(0);
    expect(s?.short).toBe('湛河');
  });

  it('a 市-level plan has county null', () => {
    const text = [
      '平顶山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      '',
      '“十四五”时期，平顶山市要推动湛河区、卫东区、新华区协同发展，支持宝丰县、郏县、叶县加快发展。',
      '平顶山市将建设全国重要的能源原材料基地。',
    ].join('\n');
    expect(detectSubject(text, g)).toMatchObject({ level: 'city', name: '平顶山市', county: null, city: '平顶山市', province: '河南省', code: '410400' });
  });

  it('a national report has no subject', () => {
    expect(detectSubject(readFixture('cn-state-council-gwr-2021-wikisource'), g)).toBeNull();
  });

  it('resolves an ambiguous county name (新华区 ×3) by the city the text names', () => {
    const text = '平顶山市新华区政府工作报告\n\n新华区位于平顶山市区西部。';
    expect(detectSubject(text, g)).toMatchObject({ name: '新华区', code: '410402', city: '平顶山市' });
  });

  it('titleEnd counts the characters of the first non-empty lines without whitespace, as cutting them out would', () => {
    const plain = (text: string) => Math.min(TITLE_MAX_CHARS, compactText(text.split('\n').filter((l) => l.trim().length > 0).slice(0, TITLE_LINES).join('\n')).text.length);
    const lines = ['  湛河区 国民经济\r', '', '\u3000\u3000', '和社会发展\t第十四个', ...Array.from({ length: 14 }, (_, i) => `第${i}行 文字`), ''];
    for (let n = 0; n <= lines.length; n++) {
      const text = lines.slice(0, n).join('\n');
      expect(titleEnd(text)).toBe(plain(text));
    }
    const long = '字'.repeat(900);
    expect(titleEnd(long)).toBe(plain(long));
  });

  it('scanNames finds from the names\' ends what a longest-match scan from the start finds', () => {
    const plain = <E>(text: string, names: ReadonlyMap<string, E>) => {
      const out: Array<{ at: number; entry: E }> = [];
      for (let i = 0; i < text.length; ) {
        let n = text.length - i;
        while (n >= 2 && !names.has(text.slice(i, i + n))) n--;
        if (n >= 2) out.push({ at: i, entry: names.get(text.slice(i, i + n))! });
        i += n >= 2 ? n : 1;
      }
      return out;
    };
    const names = new Map(['湛河区', '河区', '新和县', '和县', '平顶山市', '顶山市', '山市', '新华区', '华区', '鄂尔多斯市', '多斯'].map((n, k) => [n, k]));
    const texts = ['平顶山市湛河区与新华区', '新和县和县河区区', '鄂尔多斯市多斯市', '区湛河区湛河区河区', '', '县', '湛河区区域平顶山市新和县'];
    for (const text of texts) expect(scanNames(text, nameIndex(names))).toEqual(plain(text, names));
  });
});
