import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/document.js';
import { buildCorpus } from '../corpus/build.js';
import type { PlanDocument } from '../schemas/document.js';
import { allSections, allParagraphs, FIXTURES, ROOT, scratchFolders } from './helpers.js';
import { corporaBytes } from './shared-corpora.js';
import { checkInvariants } from './invariants.js';
import { decodeText } from '../pipeline/ingest/decode.js';

const pipeline = createPipeline({ ocr: false });
const processDocument = (id: string, path: string, bytes: Uint8Array) => pipeline.run(id, { path, bytes });

async function built(rel: string): Promise<{ document: PlanDocument; extractedText?: string }> {
  const r = await processDocument(rel.replace(/\W+/g, '-'), rel, corporaBytes(rel));
  if (r.status !== 'ok') throw new Error(`${rel}: ${r.error.code}: ${r.error.message}`);
  return r;
}
/** A file of this repository (a fixture) through the whole pipeline. */
async function build(file: string): Promise<PlanDocument> {
  const r = await processDocument('doc', file, new Uint8Array(readFileSync(join(ROOT, file))));
  if (r.status !== 'ok') throw new Error(`${file}: ${r.error.code}: ${r.error.message}`);
  return r.document;
}
const titles = (doc: PlanDocument, depth: number): string[] => allSections(doc.sections).filter((s) => s.depth === depth).map((s) => `${s.marker}${s.title}`);

describe('inputs that are not an input format', () => {
  const scratch = scratchFolders('formats');
  it('fail alone with unsupported-format naming the supported formats, found in a folder or named', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(FIXTURES, '002_9fd36254901f4f2d.txt'), join(dir, 'in', 'report.txt'));
    writeFileSync(join(dir, 'in', 'indicators.json'), '{"rows": []}');
    writeFileSync(join(dir, 'in', 'indicators.xlsx'), Buffer.from('PK\x03\x04xlsx', 'latin1'));
    const { index, failed } = await buildCorpus({ inputs: [join(dir, 'in')], outDir: join(dir, 'out') });
    expect(failed).toBe(2);
    const byName = Object.fromEntries(index.documents.map((d) => [d.source, d]));
    expect(byName['report.txt'].status).toBe('ok');
    expect(byName['indicators.json'].error?.code).toBe('unsupported-format');
    expect(byName['indicators.json'].error?.message).toMatch(/^\.json .* is not an input format; supported input formats: \.txt, \.text, \.pdf, \.docx, \.html/);
    expect(byName['indicators.xlsx'].error?.code).toBe('unsupported-format');
    const named = await processDocument('x', 'x.xlsx', new Uint8Array(readFileSync(join(dir, 'in', 'indicators.xlsx'))));
    expect(named.status).toBe('failed');
  });
});

describe('.docx provincial work reports (shared corpora, pasted newspaper text)', () => {
  it('Guangdong 2025: parts 一、二、, its twelve run-in tasks, the source line, paragraphs; positions in the saved extracted text', async () => {
    const { document: doc, extractedText } = await built('local/guangdong-gov-work-report-2025.docx');
    expect(doc.source).toMatchObject({ format: 'docx', encoding: 'docx-text' });
    expect(doc.source.extracted?.extractor).toMatch(/^plancorpus docx reader \(fflate \d/);
    expect(extractedText?.length).toBe(doc.source.extracted?.chars);
    expect(titles(doc, 1).slice(0, 2)).toEqual(['一、2024年工作回顾', '二、2025年工作安排']);
    expect(titles(doc, 2)).toContain('（十二）全面加强政府自身建设，努力建设人民满意的政府');
    const para = allParagraphs(doc).find((p) => p.text.startsWith('各位代表！过去一年'))!;
    expect(para).toBeDefined();
    expect(extractedText!.slice(para.source.offset, para.source.offset + 9)).toBe('各位代表！过去一年');
  });

  it('Chongqing, Zhejiang: parts and sections; Sichuan, Xizang: the （一） sections of their unnumbered parts', async () => {
    const cq = (await built('local/chongqing-gov-work-report-2025.docx')).document;
    expect(titles(cq, 1)).toEqual(['一、2024年工作回顾', '二、2025年主要任务', '三、持续提升政府治理效能和服务水平']);
    expect(titles(cq, 2)[0]).toBe('（一）抓战略担使命增势能，以一域服务全局的贡献度持续提升');
    const zj = (await built('local/zhejiang-gov-work-report-2025.docx')).document;
    expect(titles(zj, 1)).toEqual(['一、2024年工作回顾', '二、2025年目标任务和重点工作']);
    const sc = (await built('local/sichuan-gov-work-report-2025.docx')).document;
    expect(allSections(sc.sections).map((s) => s.title)).toContain('巩固增强经济回升向好态势');
    const xz = (await built('local/xizang-gov-work-report-2025.docx')).document;
    expect(allSections(xz.sections).map((s) => s.title)).toContain('坚决维护社会和谐稳定');
    for (const doc of [cq, zj, sc, xz]) expect(allParagraphs(doc).length).toBeGreaterThan(20);
  });
});

describe('.docx fixture made by LibreOffice (scripts/make-docx-fixture.sh)', () => {
  /** What a reader sees: headings, paragraphs, boxes, tables — not positions, which differ by format. */
  const content = (doc: PlanDocument) => ({
    headings: allSections(doc.sections).map((s) => [s.depth, s.marker, s.title]),
    paragraphs: allParagraphs(doc).map((p) => p.text),
    boxes: doc.boxes.map((b) => ({ title: b.title, items: b.items.map((i) => i.text) })),
    tables: doc.tables.map((t) => ({ number: t.number, title: t.title, columns: t.columns.map((c) => c.key), indicators: t.indicators.map((i) => ({ name: i.name, unit: i.unit, category: i.category, values: Object.fromEntries(Object.entries(i.values).map(([k, v]) => [k, v.raw])) })) })),
    // the same facts with the same evidence rules; the evidence's raw positions differ between formats, as they should
    meta: { ...doc.meta, evidence: Object.fromEntries(Object.entries(doc.meta.evidence).map(([k, e]) => [k, e && { rule: e.rule, text: e.text }])) },
  });

  it('gives the same document as the same content typed as text', async () => {
    const fromWord = await build('fixtures/docx/zhanhe-excerpt.docx');
    const fromText = await build('test/fixtures/docx/zhanhe-excerpt.txt');
    expect(content(fromWord)).toEqual(content(fromText));
  });

  it('reads the generated chapter number, the styled headings, the text box and the merged-cell table', async () => {
    const doc = await build('fixtures/docx/zhanhe-excerpt.docx');
    expect(allSections(doc.sections).map((s) => `${s.marker} ${s.title}`)).toEqual(['序言', '第一章 开启全面建设社会主义现代化湛河新征程', '第一节 决胜全面建成小康社会取得决定性成就'].map((t) => (t.includes(' ') ? t : ` ${t}`)));
    expect(doc.boxes.map((b) => b.title)).toEqual(['“十四五”生产性服务业提质工程']);
    const [table] = doc.tables;
    expect(table).toMatchObject({ number: 1, title: '“十三五”经济社会发展主要指标完成情况' });
    // the two-level header: “十三五”规划 merged over three columns, the others merged over two rows
    expect(table.columns.map((c) => [c.key, c.header])).toEqual([
      ['base-2015', '“十三五”规划 / 2015年基数'],
      ['target-2020', '“十三五”规划 / 2020年目标'],
      ['growth', '“十三五”规划 / 年均增速（%）'],
      ['actual-2020', '2020年完成值'],
      ['attribute', '指标属性'],
    ]);
    const gdp = table.indicators.find((i) => i.name === '生产总值')!;
    expect(gdp).toMatchObject({ seq: '1', unit: '亿元', category: '经济增长和综合实力', attribute: 'expected' });
    expect(gdp.values.growth).toMatchObject({ raw: '7.5 左右', kind: 'about', value: 7.5 });
    expect(table.indicators.find((i) => i.name === '常住人口城镇化率')?.values['actual-2020']).toMatchObject({ value: 80 });
  });
});

describe('web-scraped text (shared corpora, Pingtan: the whole body on one line)', () => {
  it('the 十四五 outline: title from the scraper header, its table of contents, its 章/节 tree and its 15 专栏', async () => {
    const { document: doc } = await built('local/pingtan-fyp14-outline-2021.txt');
    expect(doc.meta.title).toBe('平潭综合实验区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(doc.meta.docType).toBe('five-year-plan');
    expect(doc.meta.toc.slice(0, 3).map((e) => [e.marker, e.title, e.page])).toEqual([['', '前言', 5], ['第一章', '发展基础', 6], ['第一节', '“十三五”成效', 6]]);
    expect(doc.meta.toc.at(-1)).toMatchObject({ marker: '第三节', title: '强化规划实施保障', page: 74 });
    expect(doc.meta.toc).toHaveLength(53);
    const chapters = doc.sections.filter((s) => s.marker.startsWith('第'));
    expect(chapters.map((s) => s.marker)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章', '第十章', '第十一章']);
    expect(chapters[1].title).toBe('“十四五”发展战略及2035年远景目标');
    expect(chapters[1].children.map((s) => s.title)).toEqual(['指导思想', '基本原则', '发展目标']);
    expect(chapters[3].children.map((s) => s.title)[0]).toBe('构筑两岸要素流动通道');
    expect(doc.boxes.map((b) => b.title)).toEqual([
      '平潭综合实验区“十四五”时期经济社会发展主要目标', '全域旅游提升工程', '旅游+产业项目', '新经济新业态培育工程', '文旅康体休闲建设工程',
      '高端服务经济提升工程', '传统产业升级建设工程', '提升创新发展工程', '绿色宜居低碳岛工程', '社会事业补短板提升工程',
      '国土空间战略布局', '城乡融合提升工程', '构建陆岛交通网络', '市政基础设施提升工程', '“智慧城市”建设工程',
    ]);
    // positions point into the one raw line
    const raw = corporaBytes('local/pingtan-fyp14-outline-2021.txt').toString('utf8');
    expect(raw.slice(chapters[2].source.offset, chapters[2].source.endOffset)).toBe('第三章 打造知名国际旅游岛');
    expect(doc.removals.find((r) => r.rule === 'furniture/scraper-header')?.text).toMatch(/^标题: 平潭综合实验区.*==================== 正文 ====================\n$/s);
    // 专栏1 is the 主要目标 table: 42 rows with categories, names, units and attributes; run-together
    // figures split where the row's own growth rate or cumulative figure decides, else cells-ambiguous
    const [table] = doc.tables;
    expect(table).toMatchObject({ kind: 'indicators', title: '平潭综合实验区“十四五”时期经济社会发展主要目标' });
    expect(table.columns.map((c) => c.key)).toEqual(['unit', 'base-2020', 'target-2025', 'growth', 'attribute']);
    expect(table.indicators).toHaveLength(42);
    const row = (seq: string) => table.indicators.find((i) => i.seq === seq)!;
    expect([row('1').category, row('1').name, row('1').unit, row('1').attributeText]).toEqual(['国际旅游', '旅游业增加值占GDP比重', '%', '预期性']);
    expect(Object.values(row('1').values).map((v) => v.raw)).toEqual(['9.0', '14.0', '[5]']);
    expect(Object.values(row('5').values).map((v) => v.raw)).toEqual(['16304', '25000', '8.9%']);
    expect([row('21').name, row('21').attribute, row('21').values['target-2025'].value]).toEqual(['森林覆盖率', 'binding', 40]);
    expect([row('42').category, row('42').name, row('42').values.growth.raw]).toEqual(['创新发展', '居民人均可支配收入', '6.5-7.5']);
    const ambiguous = doc.diagnostics.filter((d) => d.code === 'cells-ambiguous');
    expect(ambiguous.map((d) => /^table row (\d+)/.exec(d.message)?.[1])).toEqual(['13', '14', '15', '22', '24', '26', '27', '32', '39']);
    expect(row('24')).toMatchObject({ name: '垃圾无害化处理率', unit: '%', values: {} });
    expect(doc.diagnostics.filter((d) => d.severity === 'warning' && d.code !== 'cells-ambiguous')).toEqual([]);
  });

  it('the 2017 plan-execution report: page chrome removed, its parts and sections', async () => {
    const { document: doc } = await built('local/pingtan-county-plan-execution-report-2017.txt');
    expect(doc.sections.map((s) => `${s.marker}${s.title}`)).toEqual(['一、2016年计划执行情况', '二、2017年预期目标和主要措施']);
    expect(doc.sections[1].children.map((s) => s.title)).toContain('着力推进国际旅游岛建设');
    expect(doc.removals.filter((r) => r.rule === 'furniture/page-chrome').map((r) => r.text.slice(0, 5))).toEqual(['当前位置：', '来源：平潭']);
    expect(doc.meta).toMatchObject({ date: '2017-01-10', speaker: { title: '局长', name: '陈亨雄' } });
  });
});

describe('Markdown (shared corpora, Changning 十五五 outline)', () => {
  it('its 主要指标 table, flattened to one cell per paragraph, gives its 20 indicators', async () => {
    const { document: doc } = await built('local/changning-district-fyp15-outline-2026.md');
    expect(doc.source.format).toBe('md');
    // the front matter is furniture; its 标题 is evidence
    expect(doc.removals[0]).toMatchObject({ rule: 'markup/front-matter', source: { line: 1, offset: 0 } });
    expect(doc.meta).toMatchObject({ title: '上海市长宁区国民经济和社会发展第十五个五年规划纲要', docType: 'five-year-plan' });
    expect(doc.sections.map((s) => `${s.marker}${s.title}`).slice(0, 2)).toEqual(['一、发展新阶段新起点', '二、指导思想和发展蓝图']);
    const [table] = doc.tables;
    expect(table).toMatchObject({ kind: 'indicators', title: '长宁区“十五五”经济社会发展主要指标' });
    expect(table.indicators).toHaveLength(20);
    const row = (seq: string) => table.indicators.find((i) => i.seq === seq)!;
    expect([row('1').name, row('1').unit, row('1').values.target.raw]).toEqual(['地区生产总值年均增速', '%', '与全市经济增速保持同步']);
    expect([row('3').name, row('3').unit, row('3').values.target.value]).toEqual(['全员劳动生产率', '万元/人', 55]);
    expect([row('8').name, row('8').unit, row('8').values.target.kind, row('8').values.target.value]).toEqual(['重点楼宇单位面积产税', '元/平方米', 'atLeast', 8500]);
    expect([row('18').name, row('18').unit, row('18').attribute]).toEqual(['细颗粒物（PM2.5）浓度', '微克/立方米', 'binding']);
    expect([row('20').name, row('20').values.target.raw]).toEqual(['生活垃圾回收利用率', '≥50']);
    expect(doc.diagnostics.filter((d) => d.stage === 'tables')).toEqual([]);
  });
});

describe('HTML pages in the style of government sites (fixtures/html, UTF-8 and GB2312)', () => {
  const content = (doc: PlanDocument) => ({
    // the same facts with the same evidence rules; the evidence's raw positions differ between formats, as they should
    meta: { ...doc.meta, evidence: Object.fromEntries(Object.entries(doc.meta.evidence).map(([k, e]) => [k, e && { rule: e.rule, text: e.text }])) },
    headings: allSections(doc.sections).map((s) => [s.depth, s.marker, s.title]),
    paragraphs: allParagraphs(doc).map((p) => p.text),
    boxes: doc.boxes.map((b) => ({ title: b.title, items: b.items.map((i) => i.text) })),
    tables: doc.tables.map((t) => ({ number: t.number, title: t.title, columns: t.columns.map((c) => c.key), indicators: t.indicators.map((i) => [i.seq, i.name, i.unit, i.category, i.attribute, Object.values(i.values).map((v) => v.raw)]) })),
  });

  it('the same page in UTF-8 and in GB2312, and the same content as text, give the same document', async () => {
    const utf8 = await build('fixtures/html/zhanhe-excerpt-utf8.html');
    const gbk = await build('fixtures/html/zhanhe-excerpt-gbk.html');
    const text = await build('test/fixtures/html/zhanhe-excerpt.txt');
    expect(gbk.source).toMatchObject({ format: 'html', encoding: 'html-text' });
    expect(gbk.source.extracted?.extractor).toMatch(/^htmlparser2 \d+\.\d+\.\d+ \(charset gb18030\)$/);
    expect(utf8.source.extracted?.extractor).toMatch(/\(charset utf-8\)$/);
    expect(content(gbk)).toEqual(content(utf8));
    expect(content(utf8)).toEqual(content(text));
  });

  it('removes the site chrome as logged furniture and reads the rowspan/colspan table', async () => {
    const doc = await build('fixtures/html/zhanhe-excerpt-gbk.html');
    expect(doc.removals.filter((r) => r.rule === 'furniture/page-chrome').map((r) => r.text)).toEqual([
      '当前位置：首页 > 政务公开 > 规划计划',
      '发布时间：2021-05-10\u00a0\u00a0来源：湛河区发展和改革委员会\u00a0\u00a0浏览次数：1024\u00a0\u00a0字号：大 中 小',
      '分享到：微信 微博 QQ空间',
      '附件下载：',
      '【打印本页】 【关闭窗口】',
      '主办单位：平顶山市湛河区人民政府办公室\u00a0\u00a0承办单位：湛河区大数据中心',
      '网站标识码：4104110001\u00a0\u00a0豫ICP备00000000号',
      '豫公网安备 41041102000000号',
    ]);
    expect(doc.meta.title).toBe('湛河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（节选）');
    expect(allSections(doc.sections).map((s) => `${s.marker}${s.title}`)).toEqual(['序言', '第一章开启全面建设社会主义现代化湛河新征程', '第一节决胜全面建成小康社会取得决定性成就']);
    const [table] = doc.tables;
    expect(table.columns.map((c) => c.header)).toEqual(['“十三五”规划 / 2015年基数', '“十三五”规划 / 2020年目标', '“十三五”规划 / 年均增速（%）', '2020年完成值', '指标属性']);
    const invest = table.indicators.find((i) => i.seq === '3')!;
    expect(invest).toMatchObject({ name: '固定资产投资', unit: '亿元', category: '经济增长和综合实力' });
    expect(invest.values.growth).toMatchObject({ raw: '13 以上', kind: 'atLeast', value: 13 });
  });
});

describe('invariants over the new input formats (every item points at its raw text, nothing lost)', () => {
  const inputs: Array<[string, () => Buffer]> = [
    ['fixtures/docx/zhanhe-excerpt.docx', () => readFileSync(join(ROOT, 'fixtures/docx/zhanhe-excerpt.docx'))],
    ['fixtures/html/zhanhe-excerpt-gbk.html', () => readFileSync(join(ROOT, 'fixtures/html/zhanhe-excerpt-gbk.html'))],
    ['local/guangdong-gov-work-report-2025.docx', () => corporaBytes('local/guangdong-gov-work-report-2025.docx')],
    ['local/changning-district-fyp15-outline-2026.md', () => corporaBytes('local/changning-district-fyp15-outline-2026.md')],
    ['local/pingtan-fyp14-outline-2021.txt', () => corporaBytes('local/pingtan-fyp14-outline-2021.txt')],
    ['local/pingtan-county-plan-execution-report-2017.txt', () => corporaBytes('local/pingtan-county-plan-execution-report-2017.txt')],
    ['local/gaoyang-county-gov-work-report-2020.txt', () => corporaBytes('local/gaoyang-county-gov-work-report-2020.txt')],
  ];
  it.each(inputs)('%s', async (path, bytes) => {
    const data = bytes();
    const r = await processDocument('doc', path, new Uint8Array(data));
    if (r.status !== 'ok') throw new Error(r.error.message);
    const raw = r.extractedText ?? decodeText(new Uint8Array(data)).text;
    expect(checkInvariants(r.document, raw)).toEqual([]);
  });
});
