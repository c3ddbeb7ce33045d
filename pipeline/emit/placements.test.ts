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

  it('places a row cut by a page break, and a cell cut with it, by their two parts, leaving out the repeated header between', () => {
    // "5\t研发\t2.6\n— 1 —\n\f序号\t指标\t年\n\t强度\t\n": row 1 (强度) is the rest of row 0 (研发), cut by the page break
    const box = (x0: number, y: number): [number, number, number, number] => [x0, y, x0 + 50, y + 20];
    const cut: Layout = {
      tables: [
        {
          start: 0,
          end: 28,
          rows: 2,
          cols: 3,
          headerRows: 0,
          continuedRows: [1],
          cells: [
            [0, 0, 0, 1],
            [0, 1, 2, 4],
            [0, 2, 5, 8],
            [1, 0, 24, 24],
            [1, 1, 25, 27],
            [1, 2, 28, 28],
          ].map(([row, col, start, end]) => ({ row, col, rowSpan: 1, colSpan: 1, start, end, placements: [{ page: row + 1, bbox: box(70 + 50 * col, row === 0 ? 60 : 700) }] })),
        },
      ],
      blocks: [],
      pages: [],
      lines: [
        { start: 0, end: 8, page: 1, bbox: [70, 60, 220, 80] },
        { start: 9, end: 14, page: 1, bbox: [280, 40, 310, 52], furniture: true },
        { start: 16, end: 23, page: 2, bbox: [70, 720, 220, 740] },
        { start: 24, end: 28, page: 2, bbox: [70, 700, 220, 720] },
      ],
    };
    const placeCut = placer(cut);
    expect(placeCut(2, 27)).toEqual([
      { page: 1, bbox: box(120, 60) },
      { page: 2, bbox: box(120, 700) },
    ]);
    expect(placeCut(0, 27)).toEqual([
      { page: 1, bbox: [70, 60, 220, 80] },
      { page: 2, bbox: [70, 700, 220, 720] },
    ]);
    // a value of the first part alone keeps its own cell
    expect(placeCut(5, 8)).toEqual([{ page: 1, bbox: box(170, 60) }]);
  });
});
