import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import fc from 'fast-check';
import { unwrapEdits, contentLines, endsWithStop, wrapProfile } from './unwrap.js';
import { lineKind } from '../../core/text/line-kind.js';
import { displayWidth } from '../../core/text/chars.js';
import { fixtureText } from '../../test/helpers.js';

const unwrapped = (s: string): string[] => applyEdits(fromRaw(s), unwrapEdits(s).edits).text.text.split('\n');

// fixture 000: lines wrapped every ~29 characters with a blank line between, pages starting with a space
const WRAPPED = [
  ' 第一章 开启全面建设社会主义现代化',
  '湛河新征程',
  '',
  '“十四五”时期（2021-2025 年）是湛河区开启全面建设社',
  '',
  '会主义现代化湛河新征程、谱写新时代中原更加出彩的湛河绚丽',
  '',
  '篇章的关键时期，是全面建设“五个湛河”、争取高质量发展走',
  '',
  '河建设开好局、起好步。',
  '',
  '第一节 决胜全面建成小康社会取得决定性成就',
  '',
  '表 1 “十三五”经济社会发展主要指标完成情况',
  '',
  '1 生产总值（亿元） 108.8 154.9 7.5 左右 221.29 预期性',
  '',
  '2 公共预算收入（亿元） 6.36 8.5 6 7.19 预期性',
];
// enough hard-wrapped body lines for the wrap width to show
const BODY = [...Array.from({ length: 30 }, () => '在全市率先实行重点人群全覆盖核酸检测，实现了确诊病例零新'), '增。'].join('\n\n');

describe('unwrap', () => {
  it('finds the wrap width of hard-wrapped text and none in one-paragraph-per-line text', () => {
    expect(wrapProfile(contentLines(fixtureText('000'))).wrapWidth).toBeGreaterThanOrEqual(56);
    expect(wrapProfile(contentLines(fixtureText('002'))).wrapWidth).toBeNull();
    expect(wrapProfile(contentLines(fixtureText('gbk'))).wrapWidth).toBeNull();
  });

  it('joins the wrapped lines of a paragraph but never a heading, a caption or a table row', () => {
    const out = unwrapped(`${BODY}\n\n${WRAPPED.join('\n')}`).slice(1);
    expect(out).toEqual([
      '第一章 开启全面建设社会主义现代化',
      '湛河新征程',
      '“十四五”时期（2021-2025 年）是湛河区开启全面建设社会主义现代化湛河新征程、谱写新时代中原更加出彩的湛河绚丽篇章的关键时期，是全面建设“五个湛河”、争取高质量发展走河建设开好局、起好步。',
      '第一节 决胜全面建成小康社会取得决定性成就',
      '表 1 “十三五”经济社会发展主要指标完成情况',
      '1 生产总值（亿元） 108.8 154.9 7.5 左右 221.29 预期性',
      '2 公共预算收入（亿元） 6.36 8.5 6 7.19 预期性',
    ]);
  });

  it('breaks before a short lead sentence after a full line that ends a sentence (000, raw lines 1497–1499)', () => {
    const out = unwrapped(`${BODY}\n\n业，鼓励企业在国内外申请专利，年度高新技术企业超过 20 家。\n\n加强专精特新企业培育。聚焦新经济，引导和支持中小企业走“专\n\n精特新”发展之路。`);
    expect(out.slice(-2)).toEqual(['业，鼓励企业在国内外申请专利，年度高新技术企业超过 20 家。', '加强专精特新企业培育。聚焦新经济，引导和支持中小企业走“专精特新”发展之路。']);
  });

  it('carries a full line on even when the next line happens to start like a heading (000, raw lines 3659–3660)', () => {
    const out = unwrapped(`${BODY}\n\n察权、审判权、检察权运行和监督机制。坚持权责法定、权责统\n\n一、用权公开，健全分事行权、分岗设权、分级授权、定期轮岗\n\n制度。`);
    expect(out[out.length - 1]).toBe('察权、审判权、检察权运行和监督机制。坚持权责法定、权责统一、用权公开，健全分事行权、分岗设权、分级授权、定期轮岗制度。');
  });

  it('joins a sentence broken by a page break in one-paragraph-per-line text (002, raw lines 22–24)', () => {
    const a = '（一）坚持稳中求进，经济发展呈现逆势增长。到“十三五”期末，湖滨区生产总值达到 289.3 亿元，比“十二五”末增加';
    expect(unwrapped(`${a}\n\n个百分点。财政保障能力不断提高。\n\n（二）坚持扩大投资`)).toEqual([`${a}个百分点。财政保障能力不断提高。`, '（二）坚持扩大投资']);
  });

  it('keeps a title line and a signature apart from what follows', () => {
    expect(unwrapped('三门峡市湖滨区国民经济和社会发展 第十四个五年规划和二〇三五年远景目标 纲 要\n\n“十四五”时期（2021-2025 年），是我国全面建成小康社会之后开启新征程的第一个五年。')).toHaveLength(2);
    expect(unwrapped('——2021年3月5日在第十三届全国人民代表大会第四次会议上\n\n国务院总理\n\n李克强')).toHaveLength(3);
  });
});

describe('unwrap by character code', () => {
  it('endsWithStop is /[。！？]$/ after cutting /[”’」』)）*\s]+$/ (seeded)', () => {
    const piece = fc.constantFrom('。', '！', '？', '”', '’', '」', '』', ')', '）', '*', ' ', '\t', '\u3000', '发', '展', '，', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (xs) => {
        const text = xs.join('');
        expect(endsWithStop(text)).toBe(/[。！？]$/.test(text.replace(/[”’」』)）*\s]+$/, '')));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });

  it('contentLines gives the lines of the plain split, trimmed, with their kind and width', () => {
    const text = ['  第一章 总则 ', '', '\t\t8\t生产总值\t亿元\t预期性', ' \t', '正文一行，', '1 人均 2.0 3.0 4.0 预期性\t', ''].join('\n');
    const plain = text.split('\n').flatMap((line, k, all) => {
      const start = all.slice(0, k).reduce((n, l) => n + l.length + 1, 0);
      const body = line.replace(/^[ \t]+|[ \t]+$/g, '');
      if (body === '') return [];
      const keepTabs = /\t/.test(line.slice(0, line.indexOf(body))) && lineKind(line.replace(/[ \t]+$/, '')) === 'table-row';
      const from = keepTabs ? start + line.length - line.replace(/^ +/, '').length : start + line.indexOf(body);
      const content = text.slice(from, start + line.indexOf(body) + body.length);
      return [{ start: from, end: from + content.length, text: content, kind: lineKind(content), width: displayWidth(body), indented: from > start }];
    });
    expect(contentLines(text)).toEqual(plain);
    expect(plain.map((l) => l.kind)).toEqual(['heading', 'table-row', 'text', 'table-row']);
  });
});
