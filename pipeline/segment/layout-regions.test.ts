import { describe, expect, it } from 'vitest';
import { DocContext } from '../../core/context.js';
import { normalize } from '../normalize/index.js';
import { segment } from './index.js';
import type { Layout } from '../ingest/layout.js';

const run = (text: string, layout?: Layout) => {
  const doc = new DocContext('inline.txt', text);
  return { seg: segment(normalize({ text, layout }, doc, { ocr: null }), doc), doc };
};

// cut from the Yunnan outline (云南省国民经济和社会发展第十个五年计划纲要, 2001): 目录 then bare entries
const YUNNAN = ['目录', '序言', '第一篇指导思想和发展目标', '第一章经济社会发展的指导思想', '第二章经济社会发展的主要目标', '序言', '世纪之交，我省基本实现了现代化建设第二步战略目标。', '第一篇指导思想和发展目标', '第一章经济社会发展的指导思想', '以邓小平理论为指导。', '第二章经济社会发展的主要目标', '经济增长速度年均8%左右。', ''].join('\n');

describe('a table of contents without leaders or page numbers', () => {
  it('is read as the contents, not as headings, when the text repeats its entries', () => {
    const { seg, doc } = run(YUNNAN);
    expect(seg.meta.toc.map((e) => [e.kind, e.marker, e.title, e.page])).toEqual([
      ['preface', '', '序言', null],
      ['part', '第一篇', '指导思想和发展目标', null],
      ['chapter', '第一章', '经济社会发展的指导思想', null],
      ['chapter', '第二章', '经济社会发展的主要目标', null],
    ]);
    expect(seg.sections.map((s) => s.title)).toEqual(['序言', '指导思想和发展目标']);
    expect(doc.diagnostics.filter((d) => d.code.startsWith('numbering'))).toEqual([]);
  });
});

describe('layout regions', () => {
  // a table linearized by ingest (one row per line, cells separated by tabs) with its category row
  const rows = ['表1 主要指标', '序号\t指标\t2025年', '一、经济发展\t\t', '1\t地区生产总值增长（%）\t7左右', '第二章 推动高质量发展', ''];
  const text = rows.join('\n');
  const start = text.indexOf('序号');
  const end = text.indexOf('7左右') + 3;
  const layout: Layout = { tables: [{ start, end, rows: 3, cols: 3, headerRows: 1, cells: [] }], blocks: [], pages: [] };

  it('claims the rows of a layout table: its category row never becomes a heading', () => {
    const { seg } = run(text, layout);
    expect(seg.tables).toHaveLength(1);
    expect(seg.tables[0].title).toBe('主要指标');
    expect(seg.tables[0].rawRows.map((r) => r.text.split('\t')[0])).toEqual(['序号', '一、经济发展', '1']);
    expect(seg.sections.map((s) => s.marker)).toEqual(['第二章']);
  });

  it('warns of a numbered caption with no table after it', () => {
    const { doc } = run('表2 主要指标完成情况\n全区经济运行总体平稳，主要指标好于预期。\n');
    expect(doc.diagnostics.filter((d) => d.code === 'table-not-found').map((d) => [d.message, d.source?.line])).toEqual([['table title without a table after it: 表2主要指标完成情况', 1]]);
  });
});
