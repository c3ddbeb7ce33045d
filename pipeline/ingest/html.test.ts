import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeHtml, extractHtmlText } from './html.js';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeHtml', () => {
  it('uses the declared charset (GB2312/GBK read as GB18030), else UTF-8, else GB18030', () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>各位代表：</p></body></html>';
    expect(decodeHtml(new Uint8Array(iconv.encode(page, 'gbk')))).toMatchObject({ charset: 'gb18030', html: page });
    expect(decodeHtml(new Uint8Array(iconv.encode('<p>各位代表：</p>', 'gbk')))).toMatchObject({ charset: 'gb18030', html: '<p>各位代表：</p>' });
    expect(decodeHtml(utf8('<meta charset="utf-8"><p>各位代表：</p>')).charset).toBe('utf-8');
    // a page that declares UTF-8 but is GBK: the declaration is wrong, the bytes decide
    expect(decodeHtml(new Uint8Array(iconv.encode('<meta charset="utf-8"><p>各位代表：</p>', 'gbk')))).toMatchObject({ charset: 'gb18030', html: '<meta charset="utf-8"><p>各位代表：</p>' });
  });
});

describe('extractHtmlText', () => {
  it('writes blocks one per line, skips scripts and styles, keeps <br> breaks and collapses source whitespace', () => {
    const r = extractHtmlText(utf8('<html><head><title>纲要_政府网</title><style>p{}</style></head><body><script>var a="不是正文";</script><div>当前位置：<a>首页</a> &gt; 规划</div><h2>第一章 发展基础</h2><p>　　“十三五”期间，\n   实验区<b>稳步</b>推进。<br>第二行</p></body></html>'));
    expect(r.title).toBe('纲要_政府网');
    expect(r.text).toBe('当前位置：首页 > 规划\n第一章 发展基础\n　　“十三五”期间， 实验区稳步推进。\n第二行\n');
    expect(r.layout.blocks.map((b) => [b.kind, b.level, r.text.slice(b.start, b.end)])).toEqual([
      ['paragraph', undefined, '当前位置：首页 > 规划'],
      ['heading', 2, '第一章 发展基础'],
      ['paragraph', undefined, '　　“十三五”期间， 实验区稳步推进。\n第二行'],
    ]);
  });

  it('reads a data table with rowspan/colspan into tab rows and layout cells; a layout table is walked as blocks', () => {
    const table = '<table><tr><th rowspan="2">序号</th><th rowspan="2">指标</th><th colspan="2">“十四五”目标</th></tr><tr><th>2025年</th><th>年均增长</th></tr><tr><td>1</td><td>地区生产总值</td><td>1000</td><td>6%</td></tr></table>';
    const r = extractHtmlText(utf8(`<table><tr><td><p>正文一段。</p>${table}</td></tr></table>`));
    expect(r.text).toBe('正文一段。\n序号\t指标\t“十四五”目标\t“十四五”目标\n\t\t2025年\t年均增长\n1\t地区生产总值\t1000\t6%\n');
    const [t] = r.layout.tables;
    expect({ rows: t.rows, cols: t.cols, headerRows: t.headerRows }).toEqual({ rows: 3, cols: 4, headerRows: 2 });
    expect(t.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [r.text.slice(c.start, c.end), c.rowSpan, c.colSpan])).toEqual([
      ['序号', 2, 1],
      ['指标', 2, 1],
      ['“十四五”目标', 1, 2],
    ]);
  });

  it('writes the numbers the browser generates for <ol> items, and marks a paragraph in <strong> as a heading block', () => {
    const r = extractHtmlText(utf8('<p><strong>主要任务</strong></p><ol><li>稳增长</li><li>促改革</li></ol><ol style="list-style-type: cjk-ideographic"><li>扩内需</li></ol>'));
    expect(r.text).toBe('主要任务\n1.稳增长\n2.促改革\n一、扩内需\n');
    expect(r.layout.blocks.map((b) => [b.kind, b.numbering])).toEqual([['heading', undefined], ['list-item', '1.'], ['list-item', '2.'], ['list-item', '一、']]);
  });
});
