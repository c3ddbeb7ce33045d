import { describe, expect, it } from 'vitest';
import { DocContext } from '../../core/context.js';
import { normalize } from '../normalize/index.js';
import { segment } from './index.js';
import { parseHeading } from './headings.js';
import { nest } from './tree.js';
import { parseNumeral } from '../../core/text/chinese-numerals.js';
import { matchMarker } from '../../core/text/markers.js';
import type { Block } from '../types.js';
import type { Section } from '../../schemas/document.js';

const run = (text: string) => {
  const doc = new DocContext('inline.txt', text);
  return { seg: segment(normalize({ text }, doc, { ocr: null }), doc), doc };
};
const block = (text: string): Block => ({ index: 0, start: 0, end: text.length, text, kind: 'heading', rawStart: 0, rawEnd: text.length, firstLine: 1, lastLine: 1, rawLines: 1, maxRawWidth: 40, emphasis: [] });
const flat = (xs: readonly Section[]): Section[] => xs.flatMap((s) => [s, ...flat(s.children)]);

describe('markers and numerals', () => {
  it('parses Chinese numerals, 〇/零/两 and full-width digits', () => {
    expect([parseNumeral('一'), parseNumeral('十'), parseNumeral('十四'), parseNumeral('二十'), parseNumeral('九十九'), parseNumeral('两'), parseNumeral('二〇三五'), parseNumeral('１２')]).toEqual([1, 10, 14, 20, 99, 2, 2035, 12]);
    expect(parseNumeral('第一')).toBeNull();
  });

  it('recognises every heading marker kind, with or without spaces', () => {
    const kinds = ['第 三 篇 x', '第二部分 x', '第十二章 x', '第一节x', '十一、x', '（二十）x', '(三) x', '1．x', '2、x', '（3）x', '序 言'].map((t) => {
      const m = matchMarker(t);
      return m && [m.kind, m.ordinal];
    });
    expect(kinds).toEqual([['part', 3], ['part', 2], ['chapter', 12], ['section', 1], ['cn-enum', 11], ['cn-paren-enum', 20], ['cn-paren-enum', 3], ['arabic-enum', 1], ['arabic-enum', 2], ['arabic-paren-enum', 3], ['preface', null]]);
    expect(matchMarker('1.13∶40.00∶58.87')).toBeNull();
    expect(matchMarker('二是现代化新型城区')).toBeNull();
  });
});

describe('headings', () => {
  it('splits a heading run into its paragraph at the first stop (002)', () => {
    const h = parseHeading(block('（一）坚持稳中求进，经济发展呈现逆势增长。到“十三五”期末，湖滨区生产总值达到289.3亿元。'))!;
    expect(h.title).toBe('坚持稳中求进，经济发展呈现逆势增长');
    expect(h.restStart).not.toBeNull();
    expect(parseHeading(block('（一）从国际发展形势看：新一轮科技变革加速推进。'))!.title).toBe('从国际发展形势看');
    expect(parseHeading(block('第一节 决胜全面建成小康社会取得决定性成就'))).toMatchObject({ kind: 'section', marker: '第一节', title: '决胜全面建成小康社会取得决定性成就', restStart: null });
  });

  it('nests by the kinds a document uses; a preface ranks with the top level', () => {
    const mk = (kind: Section['kind']): Section => ({ id: kind, kind, marker: '', ordinal: 1, title: '', depth: 0, source: { line: 1, column: 0, endLine: 1, endColumn: 0, offset: 0, endOffset: 0 }, paragraphs: [], boxes: [], tables: [], figures: [], children: [] });
    const roots = nest([mk('preface'), mk('cn-enum'), mk('cn-paren-enum'), mk('cn-enum')]);
    expect(roots.map((r) => r.kind)).toEqual(['preface', 'cn-enum', 'cn-enum']);
    expect(roots[1].children.map((c) => [c.kind, c.depth])).toEqual([['cn-paren-enum', 2]]);
  });

  it('warns on gaps and repeats in numbering, chapters counted through the document', () => {
    const { doc } = run(['第一章 总体要求', '正文一。', '第一节 发展基础', '正文。', '第三节 发展环境', '正文。', '第二章 主要任务', '正文。', '第一节 产业', '正文。', '第一节 城乡', '正文。', '第四章 保障', '正文。'].join('\n'));
    expect(doc.diagnostics.filter((d) => d.code.startsWith('numbering')).map((d) => [d.code, d.source?.line, d.expected])).toEqual([
      ['numbering-gap', 5, '2'],
      ['numbering-repeat', 11, '2'],
      ['numbering-gap', 13, '3'],
    ]);
  });
});

describe('segment', () => {
  it('keeps a table of contents as entries, matched to the headings, and warns on a mismatch', () => {
    const { seg, doc } = run(['目 录', '第一章 总体要求.....\t1', '第二章 主要任务.....\t5', '第三章 保障措施.....\t9', '', '第一章 总体要求', '正文。', '第二章 重点任务', '正文。', '第三章 保障措施', '正文。'].join('\n'));
    expect(seg.meta.toc.map((e) => [e.marker, e.title, e.page])).toEqual([['第一章', '总体要求', 1], ['第二章', '主要任务', 5], ['第三章', '保障措施', 9]]);
    expect(seg.meta.toc.every((e) => e.sectionId !== null)).toBe(true);
    expect(flat(seg.sections)).toHaveLength(3);
    expect(doc.diagnostics.filter((d) => d.code === 'toc-mismatch').map((d) => d.source?.line)).toEqual([3]);
    expect(doc.removals.map((r) => r.rule)).toContain('toc/title');
  });

  it('cuts a 专栏 box out of the flow: its numbered items, ending where a heading comes (003 style)', () => {
    const { seg } = run(['一、加快壮大循环经济产业', '促进循环经济产业发展，建成生态工业园。', '专栏：固废收储项目', '平顶山东部工业固废储运及综合利用中心。在光华路东侧建设。', '300 万吨管带机输煤矸石项目。拟建在产业园规划地块。', '推进资源综合利用项目建设。促进煤矸石综合利用。', '二、建设思路'].join('\n'));
    expect(seg.boxes).toHaveLength(1);
    expect(seg.boxes[0].title).toBe('固废收储项目');
    expect(seg.boxes[0].items.map((i) => i.title)).toEqual(['平顶山东部工业固废储运及综合利用中心', '300万吨管带机输煤矸石项目']);
    // the plan's own text resumes with a verb-led paragraph
    expect(seg.sections[0].paragraphs.map((p) => p.text)).toEqual(['促进循环经济产业发展，建成生态工业园。', '推进资源综合利用项目建设。促进煤矸石综合利用。']);
    expect(seg.sections[0].boxes).toEqual([seg.boxes[0].id]);
  });

  it('locates an unnumbered indicator table by its title line and keeps its note', () => {
    const { seg } = run(['（五）以民生保障为根本', '正文。', '某区2025年国民经济和社会发展规划主要指标（草案）', '指标名称\t计算单位\t2024 年 计划\t2025 年 计划', '1. 全区生产总值增速\t%\t7\t6.5', '2. 营造林面积\t亩\t100\t100', '注：[]中的数据为预计数。', '某区人大会议秘书处'].join('\n'));
    expect(seg.tables).toHaveLength(1);
    expect(seg.tables[0]).toMatchObject({ number: null, title: '某区2025年国民经济和社会发展规划主要指标（草案）' });
    expect(seg.tables[0].rawRows.map((r) => r.source.line)).toEqual([4, 5, 6]);
    expect(seg.tables[0].notes.map((n) => n.text)).toEqual(['注：[]中的数据为预计数。']);
  });

  it('ends a table at its last row: a heading after it is a heading again', () => {
    const { seg } = run(['第一章 总则', '表1 主要指标', '指标\t2020年\t2025年', '1\t生产总值\t100\t150', '2\t人口\t10\t12', '二、发展目标', '1. 经济稳定增长', '到2025年，地区生产总值年均增长6%左右。', '第二章 产业'].join('\n'));
    expect(seg.tables[0].rawRows.map((r) => r.source.line)).toEqual([3, 4, 5]);
    expect(flat(seg.sections).map((x) => x.marker)).toEqual(['第一章', '二、', '1.', '第二章']);
  });

  it('takes a one-sentence box item as text, not as a title', () => {
    const { seg } = run(['第二部分 主要工作', '专栏1 重点民生实事', '（1）新建幼儿园3所。', '（2）改造老旧小区12个。', '一、坚持项目为王'].join('\n'));
    expect(seg.boxes[0].items.map((i) => [i.ordinal, i.title, i.text])).toEqual([[1, null, '新建幼儿园3所。'], [2, null, '改造老旧小区12个。']]);
  });

  it('keeps numbered lines right after a 专栏 marker in the box', () => {
    const { seg } = run(['一、重点项目', '专栏 重点工程', '1. 项目甲', '2. 项目乙', '二、保障措施'].join('\n'));
    expect(seg.boxes[0].items.map((i) => [i.ordinal, i.text])).toEqual([[1, '项目甲'], [2, '项目乙']]);
  });

  it('takes an issuing notice as front matter', () => {
    const { seg } = run(['某区人民政府', '关于印发某区国民经济和社会发展', '第十四个五年规划纲要的', '通 知', '各乡人民政府：', '现印发给你们，请认真组织实施。', '2022 年 3 月 3 日', '某区国民经济和社会发展第十四个五年规划纲要', '第一章 发展基础', '正文。'].join('\n'));
    expect(seg.frontMatter?.paragraphs.map((p) => p.text)).toHaveLength(7);
    // the title line after the notice is the document's own cover, not front matter
    expect(seg.paragraphs.map((p) => p.text)).toEqual(['某区国民经济和社会发展第十四个五年规划纲要']);
    expect(seg.meta.title).toBe('某区国民经济和社会发展第十四个五年规划纲要');
  });
});
