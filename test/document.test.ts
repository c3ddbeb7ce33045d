import { describe, expect, it } from 'vitest';
import { fixtureDocument, allParagraphs, rawLine, fixtureText } from './helpers.js';

describe('normalized documents (issue 2)', () => {
  it('000: no paragraph holds a page-number line, and the page markers keep them with their raw lines', () => {
    const doc = fixtureDocument('000');
    for (const p of allParagraphs(doc)) expect(p.text).not.toMatch(/—\s*\d+\s*—(?!\s*[\d.])/);
    expect(doc.pages.map((p) => [p.page, p.source.line])).toEqual([[6, 186], [19, 845], [25, 1109], [38, 1646], [79, 3357]]);
    expect(doc.removals.filter((r) => r.rule === 'furniture/page-number').map((r) => r.text)).toEqual(['— 6 —', '— 19 —', '— 25 —', '— 38 —', '— 79 —']);
  });

  it('000: the paragraph that begins “十四五”时期（2021-2025年）是湛河区开启 is one paragraph ending in 起好步。', () => {
    const doc = fixtureDocument('000');
    const p = allParagraphs(doc).filter((x) => x.text.startsWith('“十四五”时期（2021-2025年）是湛河区开启'));
    expect(p).toHaveLength(1);
    expect(p[0].text.endsWith('起好步。')).toBe(true);
    // its raw position points at the raw lines it came from
    expect(p[0].source.line).toBe(21);
    expect(p[0].source.endLine).toBe(33);
    expect(rawLine('000', 21)).toContain('“十四五”时期（2021-2025 年）是湛河区开启');
  });

  it('000: a sentence broken by a page-number line in mid-word is joined (发展智 / — 25 — / 慧超市)', () => {
    const doc = fixtureDocument('000');
    expect(allParagraphs(doc).some((p) => p.text.includes('发展智慧超市、智慧商店等新零售业态'))).toBe(true);
  });

  it('004: extraction spaces go (263.06亿元); 002: a sentence broken across a page is one paragraph', () => {
    expect(allParagraphs(fixtureDocument('004')).some((p) => p.text.includes('263.06亿元'))).toBe(true);
    const p = allParagraphs(fixtureDocument('002')).find((x) => x.text.includes('一般公共预算收入达到10.4亿元'));
    expect(p?.text).toMatch(/个百分点。财政保障能力不断提高/);
  });

  it('001: **bold** lead phrases become emphasis spans pointing at their raw text', () => {
    const doc = fixtureDocument('001');
    const all = allParagraphs(doc);
    const p = all.find((x) => x.emphasis.some((e) => e.text === '湛河新区加速推进。'));
    expect(p).toBeDefined();
    const e = p!.emphasis.find((x) => x.text === '湛河新区加速推进。')!;
    expect(p!.text.slice(e.start, e.end)).toBe(e.text);
    // the raw text under the span still has the OCR form that the ocr step corrected
    expect(fixtureText('001').slice(e.source.offset, e.source.endOffset)).toBe('漯河新区加速推进。');
    for (const x of all) expect(x.text).not.toContain('**');
    expect(doc.removals.filter((r) => r.rule === 'markup/bold').every((r) => r.text === '**')).toBe(true);
  });

  it('2021 national report: U+200B page-break marks are page markers, and the sentence they cut is whole', () => {
    const doc = fixtureDocument('wiki');
    expect(doc.pages.length).toBeGreaterThanOrEqual(10);
    expect(doc.pages.every((p) => p.kind === 'page-break')).toBe(true);
    expect(allParagraphs(doc).some((p) => /在以习近平同志为核心的党中央坚强领导下.*交出一份人民满意、世界瞩目、可以载入史册的答卷/.test(p.text))).toBe(true);
  });

  it('2016 national report in GBK: decoded, one paragraph per line of up to 1,400 bytes', () => {
    const doc = fixtureDocument('gbk');
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.meta.title).toBe('2016年国务院政府工作报告');
    const longest = Math.max(...allParagraphs(doc).map((p) => p.text.length));
    expect(longest).toBeGreaterThan(700);
  });

  it('a paragraph’s run map turns any offset of its text into the raw offset of that character', () => {
    const doc = fixtureDocument('000');
    const raw = fixtureText('000');
    const p = allParagraphs(doc).find((x) => x.text.startsWith('综合实力显著增强'))!;
    for (let r = 0; r < p.map.length; r++) {
      const [t, o] = p.map[r];
      const next = r + 1 < p.map.length ? p.map[r + 1][0] : p.text.length;
      expect(raw.slice(o, o + (next - t))).toBe(p.text.slice(t, next));
    }
  });
});
