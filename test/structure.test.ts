import { describe, expect, it } from 'vitest';
import { fixtureDocument, allSections, rawLine, allParagraphs } from './helpers.js';
import type { PlanDocument, HeadingKind } from '../schemas/document.js';

const counts = (doc: PlanDocument): Partial<Record<HeadingKind, number>> => {
  const c: Partial<Record<HeadingKind, number>> = {};
  for (const s of allSections(doc.sections)) c[s.kind] = (c[s.kind] ?? 0) + 1;
  return c;
};

describe('000 湛河区 纲要', () => {
  const doc = fixtureDocument('000');
  it('has 7 第X章, 27 第X节, 37 一、, 6 （一）, and the preface 序言 before 第一章', () => {
    expect(counts(doc)).toMatchObject({ chapter: 7, section: 27, 'cn-enum': 37, 'cn-paren-enum': 6, preface: 1 });
    expect(doc.sections[0]).toMatchObject({ kind: 'preface', title: '序言', depth: 1 });
    expect(doc.sections[1]).toMatchObject({ kind: 'chapter', marker: '第一章', ordinal: 1, depth: 1 });
  });

  it('joins a heading printed over two lines (第一章 开启全面建设社会主义现代化 / 湛河新征程)', () => {
    expect(doc.sections[1].title).toBe('开启全面建设社会主义现代化湛河新征程');
    expect(doc.sections[1].source.line).toBe(18);
    expect(doc.sections[1].source.endLine).toBe(19);
  });

  it('nests 章 > 节 > 一、 > （一）', () => {
    const chapter2 = doc.sections[2];
    expect(chapter2.kind).toBe('chapter');
    const s = chapter2.children[0];
    expect(s.kind).toBe('section');
    expect(s.depth).toBe(2);
    const enumHeading = allSections([chapter2]).find((x) => x.kind === 'cn-enum')!;
    expect(enumHeading.depth).toBe(3);
    const paren = allSections(doc.sections).find((x) => x.kind === 'cn-paren-enum')!;
    expect(paren.depth).toBe(4);
  });

  it('has 12 专栏 with 3,3,4,3,6,2,3,4,4,2,5,4 numbered items; the first runs from raw line 1059 to 1085', () => {
    expect(doc.boxes.map((b) => b.items.length)).toEqual([3, 3, 4, 3, 6, 2, 3, 4, 4, 2, 5, 4]);
    const first = doc.boxes[0];
    expect(first.title).toBe('“十四五”生产性服务业提质工程');
    expect([first.source.line, first.source.endLine]).toEqual([1059, 1085]);
    expect(first.items[0]).toMatchObject({ ordinal: 1, title: '金融服务' });
    expect(first.items[0].text.startsWith('规划建设金融大厦')).toBe(true);
    // cut out of the section's flow, referenced by it
    const owner = allSections(doc.sections).find((s) => s.id === first.sectionId)!;
    expect(owner.boxes).toContain(first.id);
    expect(owner.paragraphs.some((p) => p.text.includes('规划建设金融大厦'))).toBe(false);
  });

  it('takes its title from the preface’s first sentence, with region and period', () => {
    expect(doc.meta).toMatchObject({
      title: '湛河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      docType: 'five-year-plan',
      region: { province: '河南省', city: '平顶山市', county: '湛河区' },
      period: { start: 2021, end: 2025 },
      // no date is printed: the year is the first of the plan's period, marked inferred
      year: 2021,
      date: null,
    });
    expect(doc.meta.evidence.year).toMatchObject({ rule: 'plan-period-start', inferred: true, confidence: 'low' });
  });

  it('has 2 tables with their notes, cut out of the flow', () => {
    expect(doc.tables.map((t) => [t.number, t.title, t.source.line, t.notes.length])).toEqual([
      [1, '“十三五”经济社会发展主要指标完成情况', 341, 1],
      [2, '“十四五”经济社会发展主要指标', 782, 1],
    ]);
    expect(allParagraphs(doc).some((p) => p.text.includes('人均绿地面积'))).toBe(false);
  });
});

describe('001 2021 政府工作报告', () => {
  const doc = fixtureDocument('001');
  it('has 4 一、 and 14 （一） at the top levels', () => {
    expect(counts(doc)).toEqual({ 'cn-enum': 4, 'cn-paren-enum': 14 });
    expect(doc.sections.every((s) => s.kind === 'cn-enum' && s.depth === 1)).toBe(true);
  });
  it('reads date, year, speaker and type from the cover', () => {
    expect(doc.meta).toMatchObject({ docType: 'government-work-report', date: '2021-03-02', year: 2021, speaker: { title: '区长', name: '陈斌' }, issuer: '湛河区人民政府' });
  });
  it('keeps in-paragraph **bold** lead phrases as emphasis, not headings', () => {
    expect(allSections(doc.sections).some((s) => s.title.includes('经济调控持续增强'))).toBe(false);
  });
});

describe('002 湖滨区 纲要', () => {
  const doc = fixtureDocument('002');
  it('separates the issuing notice as front matter dated 2022-03-03', () => {
    expect(doc.frontMatter?.paragraphs[0].text).toBe('湖滨区人民政府');
    expect(doc.frontMatter?.paragraphs.at(-1)?.text).toMatch(/^2022年\s?3月\s?3日$/);
    expect(doc.meta.date).toBe('2022-03-03');
    expect(doc.meta.title).toBe('三门峡市湖滨区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(doc.meta.region).toMatchObject({ province: '河南省', city: '三门峡市', county: '湖滨区' });
  });
  it('has 13 第X章, 45 第X节, 27 （一）, 10 of them run into their paragraph', () => {
    expect(counts(doc)).toMatchObject({ chapter: 13, section: 45, 'cn-paren-enum': 27 });
    const paren = allSections(doc.sections).filter((s) => s.kind === 'cn-paren-enum');
    const runIn = paren.filter((s) => s.paragraphs[0] && s.paragraphs[0].source.line === s.source.line);
    // the title ends at the sentence's full stop (10 headings) or at a colon (4: 从国际发展形势看：…)
    const stop = (s: (typeof runIn)[number]) => rawLine('002', s.source.line)[s.source.endColumn - 1];
    expect(runIn.filter((s) => stop(s) === '。')).toHaveLength(10);
    expect(runIn.filter((s) => stop(s) === '：')).toHaveLength(4);
    expect(paren.find((s) => s.title.startsWith('坚持稳中求进'))?.title).toBe('坚持稳中求进，经济发展呈现逆势增长');
    expect(paren.find((s) => s.title.startsWith('从国际发展形势看'))?.title).toBe('从国际发展形势看');
    expect(paren.some((s) => s.marker === '(三)')).toBe(true);
  });
  it('has 2 figure captions (raw lines 37 and 505), not paragraphs', () => {
    expect(doc.figures.map((f) => f.source.line)).toEqual([37, 505]);
    expect(allParagraphs(doc).some((p) => p.text === '“十三五”末湖滨区三次产业占比结构图')).toBe(false);
  });
});

describe('003 卫东区 纲要', () => {
  const doc = fixtureDocument('003');
  it('keeps the 目录 as meta.toc (27 entries, raw lines 11–38) with page numbers, none a heading', () => {
    expect(doc.meta.toc).toHaveLength(27);
    expect(doc.meta.toc[0]).toMatchObject({ kind: 'preface', page: 1 });
    expect(doc.meta.toc[0].source.line).toBe(11);
    expect(doc.meta.toc.at(-1)).toMatchObject({ kind: 'section', title: '确保规划落实', page: 86 });
    expect(doc.meta.toc.at(-1)!.source.line).toBe(38);
    expect(allSections(doc.sections).every((s) => s.source.line > 38)).toBe(true);
    expect(doc.meta.toc.every((e) => e.sectionId !== null)).toBe(true);
  });
  it('takes the date of issue from the date line that closes the document (…会议秘书处 / 2021年2月21日)', () => {
    expect(doc.meta).toMatchObject({ date: '2021-02-21', year: 2021 });
  });
  it('warns where a table-of-contents entry differs from its heading', () => {
    const w = doc.diagnostics.filter((d) => d.code === 'toc-mismatch');
    expect(w.map((d) => d.source?.line)).toEqual([20]);
  });
  it('has 7 第X篇, 16 第X章, 28 第X节, 53 一、, 9 （一）', () => {
    expect(counts(doc)).toMatchObject({ part: 7, chapter: 16, section: 28, 'cn-enum': 53, 'cn-paren-enum': 9 });
    expect(doc.sections.filter((s) => s.kind === 'part')).toHaveLength(7);
  });
  it('has 24 专栏, the first 平顶山工业静脉产业园项目汇总 at raw line 294, and 2 tables', () => {
    expect(doc.boxes).toHaveLength(24);
    expect(doc.boxes[0]).toMatchObject({ title: '平顶山工业静脉产业园项目汇总' });
    expect(doc.boxes[0].source.line).toBe(294);
    expect(doc.tables).toHaveLength(2);
  });
});

describe('004 2024 执行 / 2025 计划 report', () => {
  const doc = fixtureDocument('004');
  it('has 3 一、 and 10 （一）', () => {
    expect(counts(doc)).toEqual({ 'cn-enum': 3, 'cn-paren-enum': 10 });
  });
  it('reads type, date, year and issuer', () => {
    expect(doc.meta).toMatchObject({ docType: 'annual-plan-report', date: '2025-02-25', year: 2025, issuer: '湛河区发展和改革委员会' });
  });
  it('has 1 table, 主要指标（草案）, with its note', () => {
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({ number: null, title: '湛河区2025年国民经济和社会发展规划主要指标（草案）' });
    expect(doc.tables[0].notes.map((n) => n.text)).toEqual(['注：[]中的数据为预计数。']);
  });
});

describe('every fixture', () => {
  it.each(['000', '001', '002', '003', '004', 'gbk', 'wiki'])('%s: the raw line at each heading’s source.line contains its marker', (name) => {
    const doc = fixtureDocument(name);
    for (const s of allSections(doc.sections)) {
      const line = rawLine(name, s.source.line).replace(/\s+/g, '');
      expect(line).toContain(s.kind === 'preface' ? s.title : s.marker.replace(/\s+/g, ''));
    }
  });
});
