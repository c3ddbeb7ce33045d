import { describe, expect, it } from 'vitest';
import { PdfTextBuilder } from './pdf-assemble.js';
import type { PagePiece, TableCellText } from './pdf-page.js';
import type { PdfLine } from './pdf-lines.js';

const line = (text: string, top: number, bold = false): PagePiece => ({ kind: 'line', line: { text, x0: 70, right: 70 + text.length * 10, top, bottom: top + 12, size: 12, bold } satisfies PdfLine });
/** A ruled table fragment at `top`: rows of cell texts, one cell per grid position. */
function table(top: number, rows: string[][]): PagePiece {
  const xs = [70, 170, 270];
  const ys = rows.map((_, r) => top + 20 * r).concat(top + 20 * rows.length);
  const cells: TableCellText[] = rows.flatMap((row, r) => row.map((text, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, x0: xs[c], x1: xs[c + 1], top: ys[r], bottom: ys[r + 1], text })));
  return { kind: 'table', grid: { x0: 70, x1: 270, top, bottom: ys[ys.length - 1], xs, ys, cells }, cells };
}

describe('PdfTextBuilder', () => {
  it('stitches a table continued on the next page, past a running header, keeping the repeated header out of the grid', () => {
    const b = new PdfTextBuilder();
    b.addPage(1, 595, 842, [line('表1 主要指标', 600, true), table(630, [['指标', '2025年'], ['地区生产总值', '7']]), line('— 1 —', 800)]);
    b.addPage(2, 595, 842, [line('某某区国民经济和社会发展规划', 30), table(80, [['指标', '2025年'], ['研发投入', '2.5']]), line('正文继续。', 200)]);
    const { text, layout } = b.finish();
    expect(text).toBe('表1 主要指标\n指标\t2025年\n地区生产总值\t7\n— 1 —\n\f某某区国民经济和社会发展规划\n指标\t2025年\n研发投入\t2.5\n正文继续。\n');
    expect(layout.tables).toHaveLength(1);
    const t = layout.tables[0];
    expect([t.rows, t.cols, t.headerRows]).toEqual([3, 2, 1]);
    expect(t.cells.map((c) => [c.row, c.col, text.slice(c.start, c.end)])).toEqual([
      [0, 0, '指标'],
      [0, 1, '2025年'],
      [1, 0, '地区生产总值'],
      [1, 1, '7'],
      [2, 0, '研发投入'],
      [2, 1, '2.5'],
    ]);
    expect(t.placements?.map((p) => p.page)).toEqual([1, 2]);
    expect(layout.pages.map((p) => [p.number, p.label])).toEqual([
      [1, '1'],
      [2, null],
    ]);
    // the bold title is a heading block; the page number is furniture
    expect(layout.blocks.map((x) => [x.kind, text.slice(x.start, x.end)])).toEqual([['heading', '表1 主要指标']]);
    expect(layout.lines?.find((l) => text.slice(l.start, l.end) === '— 1 —')?.furniture).toBe(true);
  });

  it('marks the first row under a repeated header as the rest of the row cut at the foot of the page before', () => {
    const b = new PdfTextBuilder();
    b.addPage(1, 595, 842, [table(600, [['指标', '2025年'], ['地区生产总值', '7'], ['研发经费投入', '2.5']]), line('— 1 —', 800)]);
    b.addPage(2, 595, 842, [table(80, [['指标', '2025年'], ['强度（%）', ''], ['人均预期寿命', '79']]), line('— 2 —', 800)]);
    const { text, layout } = b.finish();
    const [t] = layout.tables;
    expect(t.rows).toBe(5);
    // grid row 3 (强度（%）) continues grid row 2 (研发经费投入); both stay in the text and the grid
    expect(t.continuedRows).toEqual([3]);
    expect(t.cells.filter((c) => c.row === 3).map((c) => [text.slice(c.start, c.end), c.placements?.[0].page])).toEqual([
      ['强度（%）', 2],
      ['', 2],
    ]);
  });

  it('keeps a row that starts whole on the next page, or under a grid with other columns, its own', () => {
    const whole = new PdfTextBuilder();
    whole.addPage(1, 595, 842, [table(600, [['指标', '2025年'], ['研发经费投入强度（%）', '2.5']])]);
    whole.addPage(2, 595, 842, [table(80, [['指标', '2025年'], ['人均预期寿命', '79']])]);
    expect(whole.finish().layout.tables[0].continuedRows).toBeUndefined();
    const moved = new PdfTextBuilder();
    const other = table(80, [['指标', '2025年'], ['强度（%）', '']]);
    if (other.kind === 'table') other.grid.xs = [70, 200, 270];
    moved.addPage(1, 595, 842, [table(600, [['指标', '2025年'], ['研发经费投入', '2.5']])]);
    moved.addPage(2, 595, 842, [other]);
    expect(moved.finish().layout.tables[0].continuedRows).toBeUndefined();
  });

  it('starts a new table when the previous page ended with running text', () => {
    const b = new PdfTextBuilder();
    b.addPage(1, 595, 842, [table(100, [['指标', '2025年'], ['a', '1']]), line('正文。', 300)]);
    b.addPage(2, 595, 842, [table(100, [['指标', '2025年'], ['b', '2']])]);
    expect(b.finish().layout.tables).toHaveLength(2);
  });

  it('keeps nothing of a page once it is laid out: no piece, line, grid or cell of it is reachable', () => {
    // what lets a long PDF be read one page at a time: the text and layout records are the builder's own
    const frame: PagePiece = { kind: 'frame', grid: { x0: 70, x1: 500, top: 300, bottom: 400, xs: [70, 500], ys: [300, 400], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, x0: 70, x1: 500, top: 300, bottom: 400 }] }, items: [{ text: '专栏1 重点项目', x0: 80, right: 200, top: 310, bottom: 322, size: 12, bold: true }] };
    const pages: PagePiece[][] = [
      [line('第一章 总体要求', 100, true), table(200, [['指标', '2025年'], ['地区生产总值', '7']]), frame, line('— 1 —', 800)],
      [table(80, [['指标', '2025年'], ['研发投入', '2.5']]), line('正文继续。', 200)],
    ];
    const b = new PdfTextBuilder();
    pages.forEach((pieces, i) => b.addPage(i + 1, 595, 842, pieces));
    const given = new Set<object>();
    for (const p of pages.flat()) {
      given.add(p);
      if (p.kind === 'line') given.add(p.line);
      else {
        given.add(p.grid);
        for (const c of p.grid.cells) given.add(c);
        for (const x of p.kind === 'table' ? p.cells : p.items) given.add(x);
      }
    }
    const seen = new Set<object>();
    const stack: unknown[] = [b];
    let leaked = 0;
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      if (given.has(v)) leaked++;
      stack.push(...Object.values(v));
    }
    expect(leaked).toBe(0);
    expect(seen.size).toBeGreaterThan(20); // the walk did reach the builder's records
    expect(b.finish().text).toContain('专栏1 重点项目\n');
  });
});
