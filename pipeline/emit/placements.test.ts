import { describe, expect, it } from 'vitest';
import { placer, attachPlacements } from './placements.js';
import type { Layout } from '../ingest/layout.js';

// "第一行\n— 1 —\n\f第二行\t7.5\n": a paragraph running from page 1 onto page 2, a page number between
const layout: Layout = {
  tables: [{ start: 14, end: 21, rows: 1, cols: 2, headerRows: 0, cells: [{ row: 0, col: 1, rowSpan: 1, colSpan: 1, start: 18, end: 21, placements: [{ page: 2, bbox: [300, 700, 340, 712] }] }] }],
  blocks: [],
  pages: [],
  lines: [
    { start: 0, end: 3, page: 1, bbox: [70, 60, 520, 72] },
    { start: 4, end: 9, page: 1, bbox: [280, 40, 310, 52], furniture: true },
    { start: 11, end: 21, page: 2, bbox: [70, 700, 340, 712] },
  ],
};

describe('placements', () => {
  const place = placer(layout);
  it('gives a span crossing pages one box per page, page numbers in between left out', () => {
    expect(place(0, 17)).toEqual([
      { page: 1, bbox: [70, 60, 520, 72] },
      { page: 2, bbox: [70, 700, 340, 712] },
    ]);
  });

  it('gives a value in a table cell the box of its cell, and a page number its own box', () => {
    expect(place(18, 21)).toEqual([{ page: 2, bbox: [300, 700, 340, 712] }]);
    expect(place(4, 9)).toEqual([{ page: 1, bbox: [280, 40, 310, 52] }]);
  });

  it('adds page, bbox and placements to every source span of a document, in place', () => {
    const doc = { paragraphs: [{ source: { line: 1, column: 0, endLine: 4, endColumn: 3, offset: 0, endOffset: 17 } }], value: { source: { line: 4, column: 4, endLine: 4, endColumn: 7, offset: 18, endOffset: 21 } } };
    attachPlacements(doc, layout);
    expect(doc.paragraphs[0].source).toMatchObject({ page: 1, bbox: [70, 60, 520, 72], placements: [{ page: 1 }, { page: 2 }] });
    expect(doc.value.source).toMatchObject({ page: 2, bbox: [300, 700, 340, 712] });
    expect(doc.value.source).not.toHaveProperty('placements');
  });
});
