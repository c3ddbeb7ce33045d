import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import { DocContext } from '../../core/context.js';
import { removeScraperChrome, runTogetherBreaks, scraperHeader, splitRunTogetherLines } from './scraped-text.js';

const lines = (s: string): string[] => applyEdits(fromRaw(s), runTogetherBreaks(s, 0, s.length)).text.text.split('\n');

// cut from the Pingtan 十四五 outline (shared corpora), whose body is one line
const TOC = '目 录 前 言............................................... 5第一章 发展基础..................................... 6第一节 “十三五”成效........................... 6第二节 基本原则................................ 10第六节 加快建设“海丝”核心区海上合作战略支点.. 32第六章 着力建设高质量新兴产业区.................... 34第五节 促进传统产业转型升级 ................... 41';
const BODY =
  ' 前 言 “十三五”期间，平潭综合实验区认真贯彻落实。本规划纲要进行编制，是重要遵循。第一章 发展基础 第一节 “十三五”成效 “十三五”期间，实验区紧紧围绕战略布局。获评全国“投资潜力百强”县市。 第二节 基本原则坚持党的全面领导。增强“四个意识”。主要机遇有：——担负着国家赋予的战略使命。——对台政策举措更加扎实有效。2019年，5G网络 覆盖。';

describe('runTogetherBreaks', () => {
  it('splits a one-line table of contents after each page number, keeping spaced words and leaders', () => {
    expect(lines(TOC)).toEqual([
      '目 录',
      '前 言............................................... 5',
      '第一章 发展基础..................................... 6',
      '第一节 “十三五”成效........................... 6',
      '第二节 基本原则................................ 10',
      '第六节 加快建设“海丝”核心区海上合作战略支点.. 32',
      '第六章 着力建设高质量新兴产业区.................... 34',
      '第五节 促进传统产业转型升级 ................... 41',
    ]);
  });

  it('splits paragraphs at spaces next to Chinese text, before run-in headings and — items, and after a heading the TOC names', () => {
    expect(lines(TOC + BODY).slice(8)).toEqual([
      '前 言',
      '“十三五”期间，平潭综合实验区认真贯彻落实。本规划纲要进行编制，是重要遵循。',
      '第一章 发展基础',
      '第一节 “十三五”成效',
      '“十三五”期间，实验区紧紧围绕战略布局。获评全国“投资潜力百强”县市。',
      '第二节 基本原则',
      '坚持党的全面领导。增强“四个意识”。主要机遇有：——担负着国家赋予的战略使命。',
      '——对台政策举措更加扎实有效。2019年，5G网络',
      '覆盖。',
    ]);
  });

  it('splits a run-together table after its header and after each row’s attribute, keeping the spaces of empty cells; its note starts a line', () => {
    const s = '主要目标 专栏1 平潭综合实验区“十四五”时期经济社会发展主要目标 分类序号指标名称单位2020年2025年指标属性绝对值绝对值年均增速[累计]国际旅游1旅游业增加值占GDP比重%9.014.0[5]预期性30每千人口拥有3岁以下婴幼儿托位数个 0.5 预期性注：表中“[ ]”内的数字为五年累计数。第三章 打造知名国际旅游岛 坚持。';
    expect(lines(s)).toEqual([
      '主要目标',
      '专栏1 平潭综合实验区“十四五”时期经济社会发展主要目标',
      '分类序号指标名称单位2020年2025年指标属性绝对值绝对值年均增速[累计]',
      '国际旅游1旅游业增加值占GDP比重%9.014.0[5]预期性',
      '30每千人口拥有3岁以下婴幼儿托位数个 0.5 预期性',
      '注：表中“[ ]”内的数字为五年累计数。',
      '第三章 打造知名国际旅游岛',
      '坚持。',
    ]);
  });

  it('turns literal \\r\\n escapes into line breaks', () => {
    expect(lines('一、2023年工作回顾\\r\\n过去一年，极不平凡。\\r\\n\\r\\n二、2024年工作安排')).toEqual(['一、2023年工作回顾', '过去一年，极不平凡。', '二、2024年工作安排']);
  });
});

describe('splitRunTogetherLines', () => {
  it('leaves ordinary lines alone and logs each break as a layout edit at its raw position', () => {
    const short = '第一章 发展基础 第一节 “十三五”成效\n';
    const doc = new DocContext('x.txt', short);
    expect(splitRunTogetherLines(fromRaw(short), doc).text).toBe(short);
    const long = `${'获评全国“投资潜力百强”县市。'.repeat(120)}第二章 发展战略 “十四五”时期处于历史交汇点。`;
    const d2 = new DocContext('y.txt', long);
    const out = splitRunTogetherLines(fromRaw(long), d2);
    expect(out.text.split('\n').slice(-2)).toEqual(['第二章 发展战略', '“十四五”时期处于历史交汇点。']);
    const nl = out.text.lastIndexOf('\n');
    expect(long.slice(out.starts[nl], out.ends[nl])).toBe(' ');
  });
});

describe('scraper header and page chrome', () => {
  const HEADER = '标题: 关于平潭县2016年计划执行情况的报告\n发布时间: 2017-05-24 11:14\n文号: \n发布机构: 平潭综合实验区经济发展局\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n';
  const PAGE = '当前位置： 首页政务公开规划信息中长期发展规划 关于平潭县2016年计划执行情况的报告 时间：2017-05-24 11:14 微信 微博 QQ空间 关于平潭县2016年计划执行情况的报告 各位代表：受平潭县人民政府的委托，我向大会作报告。开创平潭科学发展新局面。 来源：平潭综合实验区经济发展局 附件下载';

  it('reads the header fields up to the 正文 line; a hand-made "正文：" header or plain text is not one', () => {
    expect(scraperHeader(HEADER + PAGE)).toEqual({
      fields: { 标题: '关于平潭县2016年计划执行情况的报告', 发布时间: '2017-05-24 11:14', 文号: '', 发布机构: '平潭综合实验区经济发展局' },
      end: HEADER.length,
    });
    expect(scraperHeader('标题：保定市政府工作报告\n发文单位：保定市人民政府\n\n正文：\n各位代表：')).toBeNull();
    expect(scraperHeader('各位代表：\n现在，我代表市人民政府作报告。')).toBeNull();
  });

  it('removes the header, the breadcrumbs and share links, and the 来源 … 附件下载 tail as logged removals; title and date are evidence', () => {
    const raw = HEADER + PAGE;
    const doc = new DocContext('p.txt', raw);
    const out = removeScraperChrome(fromRaw(raw), doc);
    expect(out.text).toBe('关于平潭县2016年计划执行情况的报告 各位代表：受平潭县人民政府的委托，我向大会作报告。开创平潭科学发展新局面。 ');
    expect(doc.removals.map((r) => r.rule)).toEqual(['furniture/scraper-header', 'furniture/page-chrome', 'furniture/page-chrome']);
    expect(doc.removals[1].text).toBe('当前位置： 首页政务公开规划信息中长期发展规划 关于平潭县2016年计划执行情况的报告 时间：2017-05-24 11:14 微信 微博 QQ空间 ');
    expect(doc.removals[2].text).toBe('来源：平潭综合实验区经济发展局 附件下载');
    const fields = doc.diagnostics.filter((d) => d.code === 'scraper-field');
    expect(fields.map((d) => [d.expected, d.actual])).toEqual([
      ['标题', '关于平潭县2016年计划执行情况的报告'],
      ['发布时间', '2017-05-24 11:14'],
      ['发布机构', '平潭综合实验区经济发展局'],
    ]);
    expect(raw.slice(fields[1].source!.offset, fields[1].source!.endOffset)).toBe('2017-05-24 11:14');
  });
});
