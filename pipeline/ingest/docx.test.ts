import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError, extractDocxText } from './docx.js';
import { chineseCounting, formatNumber } from './docx-numbering.js';
import { corporaBytes } from '../../test/shared-corpora.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';

/** A .docx package from its parts (word/document.xml body, optional styles, numbering, footnotes). */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`) };
  for (const [name, xml] of Object.entries(parts)) files[`word/${name}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>${xml}`);
  return zipSync(files);
}
const p = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

describe('Word numbering', () => {
  it('renders chineseCounting and the other formats government documents use', () => {
    expect([1, 2, 9, 10, 11, 12, 20, 21, 100, 105, 110].map(chineseCounting)).toEqual(['一', '二', '九', '十', '十一', '十二', '二十', '二十一', '一百', '一百零五', '一百一十']);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(1, 'bullet')).toBeNull();
  });
});

describe('extractDocxText', () => {
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="我的小标题"/><w:basedOn w:val="Out"/></w:style><w:style w:type="paragraph" w:styleId="Out"><w:name w:val="大纲"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`;
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const num = (ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr>`;

  it('writes styled headings and generated numbering into the text and the layout, one paragraph per line', () => {
    const body = [p('2024年工作回顾', `<w:pStyle w:val="1"/>${num(0)}`), p('稳增长', num(1)), p('促改革', `<w:pStyle w:val="Sub"/>${num(1)}`), p('正文段落。'), `<w:p/>`, p('2025年工作安排', `<w:pStyle w:val="1"/>${num(0)}`), p('扩内需', num(1))].join('');
    const r = extractDocxText(docx(body, { styles, numbering }));
    expect(r.text).toBe('一、2024年工作回顾\n（一）稳增长\n（二）促改革\n正文段落。\n\n二、2025年工作安排\n（一）扩内需\n');
    expect(r.layout.blocks[0]).toEqual({ kind: 'heading', level: 1, numbering: '一、', index: 0, start: 0, end: 11 });
    expect(r.layout.blocks[1]).toEqual({ kind: 'list-item', numbering: '（一）', index: 1, start: 12, end: 18 });
    // a heading level from the outline level of the style it is based on
    expect(r.layout.blocks[2]).toMatchObject({ kind: 'heading', level: 2, numbering: '（二）', index: 2 });
    expect(r.layout.blocks[3]).toMatchObject({ kind: 'paragraph', index: 3 });
    expect(r.layout.blocks.at(-1)).toMatchObject({ numbering: '（一）', index: 6 });
    expect(r.paragraphs).toBe(7);
  });

  it('linearizes a table with gridSpan and vMerge as tab rows and records the cells with their spans', () => {
    const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const tbl = `<w:tbl>${row(tc('序号', '<w:vMerge w:val="restart"/>'), tc('指标', '<w:vMerge w:val="restart"/>'), tc('“十四五”目标', '<w:gridSpan w:val="2"/>'))}${row(tc('', '<w:vMerge/>'), tc('', '<w:vMerge/>'), tc('2025年'), tc('年均增长'))}${row(tc('1'), tc('地区生产总值（亿元）'), tc('1000'), tc('6%'))}${row(tc('经济发展', '<w:gridSpan w:val="4"/>'))}</w:tbl>`;
    const r = extractDocxText(docx(p('表1 主要指标') + tbl));
    expect(r.text).toBe('表1 主要指标\n序号\t指标\t“十四五”目标\t“十四五”目标\n\t\t2025年\t年均增长\n1\t地区生产总值（亿元）\t1000\t6%\n经济发展\t\t\t\n');
    const [t] = r.layout.tables;
    expect({ rows: t.rows, cols: t.cols, headerRows: t.headerRows }).toEqual({ rows: 4, cols: 4, headerRows: 2 });
    const cell = (row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
    expect(cell(0, 0)).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(cell(0, 2)).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(cell(3, 0)).toMatchObject({ colSpan: 4 });
    expect(cell(1, 0)).toBeUndefined();
    const c = cell(2, 1)!;
    expect(r.text.slice(c.start, c.end)).toBe('地区生产总值（亿元）');
    expect(r.text.slice(t.start, t.end).split('\n')).toHaveLength(4);
  });

  it('puts text boxes after their paragraph (not their fallback copy) and footnotes after the body', () => {
    const box = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p('专栏1 重点工程')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('专栏1 重点工程')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = `<w:p><w:r><w:t>数字经济</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>加快发展。</w:t></w:r>${box}</w:p>${p('下一段。')}`;
    const footnotes = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>数字经济核心产业。</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const r = extractDocxText(docx(body, { footnotes }));
    expect(r.text).toBe('数字经济[1]加快发展。\n专栏1 重点工程\n下一段。\n\n[1]数字经济核心产业。\n');
    expect(r.layout.blocks.map((b) => b.kind)).toEqual(['paragraph', 'box', 'paragraph', 'footnote']);
  });

  it('fails with a coded error for a package that is not a Word document', () => {
    expect(() => extractDocxText(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toThrow(DocxError);
    expect(() => extractDocxText(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toThrow(/no word\/document.xml/);
    expect(() => extractDocxText(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]))).toThrow(/not a readable zip archive/);
    expect(() => extractDocxText(docx('<w:p><w:r>'))).toThrow(/not well-formed XML/);
  });

  it('reads a provincial report pasted into Word (Chongqing 2025): title, source line, parts as plain paragraphs', () => {
    const r = extractDocxText(corporaBytes('local/chongqing-gov-work-report-2025.docx'));
    const lines = r.text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['2025年重庆市政府工作报告', '来源：重庆日报', '——2025年1月19日在重庆市第六届人民代表大会第三次会议上', '重庆市人民政府市长 胡衡华', '各位代表：']);
    expect(lines).toContain('一、2024年工作回顾');
    expect(lines).toContain('二、2025年主要任务');
    // the split heading of part 三 is two paragraphs in the source, and stays two lines here
    expect(lines.slice(lines.indexOf('三、持续提升政府'), lines.indexOf('三、持续提升政府') + 2)).toEqual(['三、持续提升政府', '治理效能和服务水平']);
    expect(r.layout.tables).toEqual([]);
    expect(r.layout.blocks.every((b) => b.kind === 'paragraph' && b.index !== undefined)).toBe(true);
  });
});
