import { describe, expect, it } from 'vitest';
import { findGrids } from './pdf-grid.js';
import { readPage } from './pdf-page.js';
import { findOpenTables, findUnruledTables } from './pdf-open-table.js';
import type { PdfItem, PdfRule } from './pdf-geometry.js';

const h = (y: number, x0: number, x1: number): PdfRule => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): PdfRule => ({ x0: x, x1: x, y0, y1 });
let seq = 0;
const item = (str: string, x: number, y: number, size = 10): PdfItem => ({ str, x, right: x + str.length * size, y, size, font: 'f', bold: false, space: false, seq: seq++ });

/**
 * A two-level header as LibreOffice draws it, one cell side at a time:
 *   | 指标 | 2020年目标     |      rows 0–1: 指标 spans two rows (no rule under it),
 *   |      | 2020年 | 增速  |      2020年目标 spans two columns (no rule between them)
 *   | 1    | 130    | 7     |
 */
const rules: PdfRule[] = [
  h(100, 50, 150), h(100, 150, 250), h(120, 150, 250), h(140, 50, 150), h(140, 150, 250), h(160, 50, 250),
  v(50, 100, 160), v(150, 100, 160), v(250, 100, 160), v(200, 120, 140), v(200, 140, 160),
];

describe('findGrids', () => {
  it('builds rows and columns from the rules and spans from the missing inner rules', () => {
    const [g] = findGrids(rules);
    expect(g.xs).toEqual([50, 150, 200, 250]);
    expect(g.ys).toEqual([100, 120, 140, 160]);
    expect(g.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('ignores a lone underline and separate rules that do not touch', () => {
    expect(findGrids([h(300, 50, 250), v(400, 10, 40)])).toEqual([]);
  });
});

describe('readPage', () => {
  it('puts each text item in the cell holding its centre and joins a cell over its lines', () => {
    const pieces = readPage({
      rules,
      items: [item('指标', 60, 134), item('2020年目标', 155, 114), item('2020年', 152, 134), item('增速', 205, 134), item('1', 60, 154), item('130', 152, 154), item('7', 205, 154), item('正文', 50, 60)],
    });
    expect(pieces.map((p) => p.kind)).toEqual(['line', 'table']);
    const t = pieces[1];
    if (t.kind !== 'table') throw new Error('no table');
    expect(t.cells.map((c) => c.text)).toEqual(['指标', '2020年目标', '2020年', '增速', '1', '130', '7']);
  });

  it('reads a one-column frame as a box: a new item where a line is indented or the previous line stopped short', () => {
    const frame = [h(100, 50, 450), h(200, 50, 450), v(50, 100, 200), v(450, 100, 200)];
    const pieces = readPage({
      rules: frame,
      items: [
        item('专栏1 标题', 180, 115),
        item('1.第一项，文字一直写到框的右边为止还没有写完', 80, 135),
        item('接着写完。', 60, 150),
        item('2.第二项。', 80, 165),
      ],
    });
    const f = pieces[0];
    if (f.kind !== 'frame') throw new Error('no frame');
    expect(f.items.map((l) => l.text)).toEqual(['专栏1 标题', '1.第一项，文字一直写到框的右边为止还没有写完接着写完。', '2.第二项。']);
  });
});

describe('a ruled table inside a 专栏 frame', () => {
  it('keeps the text of the table in the table and the rest in the frame', () => {
    const frame = [h(80, 40, 460), h(200, 40, 460), v(40, 80, 200), v(460, 80, 200)];
    const pieces = readPage({ rules: [...frame, ...rules], items: [item('专栏2 重点项目', 180, 92), item('1', 60, 154), item('130', 152, 154), item('7', 205, 154)] });
    const kinds = pieces.map((p) => (p.kind === 'frame' ? `frame:${p.items.map((l) => l.text).join('|')}` : p.kind === 'table' ? `table:${p.cells.map((c) => c.text).join('|')}` : 'line'));
    expect(kinds).toEqual(['frame:专栏2 重点项目', 'table:||||1|130|7']);
  });
});

describe('findOpenTables', () => {
  it('reads a 三线表: columns from the gaps that stay empty down the body, a wrapped name joined to its row', () => {
    const three = [h(100, 50, 350), h(120, 50, 350), h(200, 50, 350)];
    const its = [
      item('序号', 55, 114), item('指标', 100, 114), item('2025年', 250, 114),
      item('1', 55, 134), item('生产总值增速', 100, 134), item('7', 250, 134),
      item('（%）', 100, 149),
      item('2', 55, 164), item('投资增速', 100, 164), item('8.5', 250, 164),
    ];
    const [t] = findOpenTables(three, its);
    expect(t.grid.xs).toHaveLength(4);
    const rows = [0, 1, 2].map((r) => t.cells.filter((c) => c.row === r).map((c) => c.text));
    expect(rows).toEqual([['序号', '指标', '2025年'], ['1', '生产总值增速（%）', '7'], ['2', '投资增速', '8.5']]);
    expect(t.items.size).toBe(its.length);
  });

  it('needs a header rule and body rows: two lone rules around running text are not a table', () => {
    expect(findOpenTables([h(100, 50, 350), h(200, 50, 350)], [item('这是一段正文，写满了整行也没有分栏。', 50, 150)])).toEqual([]);
  });
});

describe('findUnruledTables', () => {
  const rows = (): PdfItem[] => [
    item('表1 主要指标', 150, 100),
    item('序号', 55, 120), item('指标', 100, 120), item('单位', 220, 120), item('2025年', 280, 120),
    item('1', 55, 140), item('地区生产总值增长', 100, 140), item('%', 220, 140), item('7左右', 280, 140),
    item('2', 55, 160), item('研发经费投入强度', 100, 160), item('%', 220, 160), item('2.5', 280, 160),
  ];

  it('reads a table without rules after its title, down to its note: columns from the empty gaps', () => {
    const its = [...rows(), item('注：增速按可比价计算。', 55, 180)];
    const [t] = findUnruledTables(its);
    expect(t.grid.xs).toHaveLength(5);
    const grid = [0, 1, 2].map((r) => t.cells.filter((c) => c.row === r).map((c) => c.text));
    expect(grid).toEqual([['序号', '指标', '单位', '2025年'], ['1', '地区生产总值增长', '%', '7左右'], ['2', '研发经费投入强度', '%', '2.5']]);
    // the title and the note stay text
    expect([...t.items].map((it) => it.str)).not.toContain('表1 主要指标');
    expect([...t.items].map((it) => it.str)).not.toContain('注：增速按可比价计算。');
  });

  it('leaves a table that runs to the page number, or a title over running text, to the text readers', () => {
    expect(findUnruledTables([...rows(), item('— 5 —', 180, 300)])).toEqual([]);
    expect(findUnruledTables([item('表1 主要指标', 150, 100), item('全区经济运行总体平稳，主要指标好于预期，实现了预期目标。', 55, 120)])).toEqual([]);
  });
});
