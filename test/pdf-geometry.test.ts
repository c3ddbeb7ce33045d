import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../pipeline/document.js';
import { FIXTURES, fixtureDocument, allSections } from './helpers.js';
import { checkInvariants } from './invariants.js';
import type { PlanDocument } from '../schemas/document.js';

// PDFs rendered from the text fixtures by scripts/make-pdf-fixtures.mjs (LibreOffice): ruled
// indicator tables with merged cells and repeated headers, framed 专栏, — N — footers.
const pipeline = createPipeline();

const built = new Map<string, Promise<{ doc: PlanDocument; text: string }>>();
/** A rendered PDF through the whole pipeline (once per test file). */
function pdfDocument(name: string): Promise<{ doc: PlanDocument; text: string }> {
  let p = built.get(name);
  if (!p) built.set(name, (p = buildPdf(name)));
  return p;
}

async function buildPdf(name: string): Promise<{ doc: PlanDocument; text: string }> {
  const bytes = readFileSync(join(FIXTURES, 'pdf', `rendered-${name}.pdf`));
  const r = await pipeline.run(`pdf--rendered-${name}`, { path: `pdf/rendered-${name}.pdf`, bytes });
  if (r.status !== 'ok') throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return { doc: r.document, text: r.extractedText ?? '' };
}

const tree = (d: PlanDocument): string[] => allSections(d.sections).map((s) => `${s.kind} ${s.marker} ${s.title}`);
const boxes = (d: PlanDocument): Array<[string, number]> => d.boxes.map((b) => [b.title, b.items.length]);
const records = (d: PlanDocument): unknown[] =>
  d.tables.flatMap((t) =>
    t.indicators.map((i) => ({
      table: t.number,
      seq: i.seq,
      category: i.category,
      name: i.name,
      unit: i.unit,
      unitNote: i.unitNote,
      parent: i.parent,
      attribute: i.attribute,
      values: Object.fromEntries(Object.entries(i.values).map(([k, q]) => [k, { raw: q.raw, kind: q.kind, value: q.value, qualifier: q.qualifier, merged: q.merged ?? false }])),
    })),
  );

/** The printed page number of the page an offset is on: the — N — footer between it and the next page break. */
function footerAfter(text: string, offset: number): number | null {
  const ff = text.indexOf('\f', offset);
  const page = text.slice(offset, ff < 0 ? text.length : ff);
  const m = /— (\d+) —\n$/.exec(page);
  return m ? Number(m[1]) : null;
}

// 004-three-line: the same document with its table ruled 三线表-style (horizontal rules only), crossing a page
describe.each([
  ['000', '000'],
  ['003', '003'],
  ['004', '004'],
  ['004-three-line', '004'],
])('the PDF rendered as %s from fixture %s', (name, fixture) => {
  it('gives the same heading tree, 专栏 and indicator records as the text fixture', async () => {
    const { doc } = await pdfDocument(name);
    const fromText = fixtureDocument(fixture);
    expect(tree(doc)).toEqual(tree(fromText));
    expect(boxes(doc)).toEqual(boxes(fromText));
    expect(records(doc)).toEqual(records(fromText));
    expect(records(doc).length).toBeGreaterThan(0);
    expect(doc.diagnostics.filter((d) => d.stage === 'tables' && d.severity !== 'info')).toEqual([]);
  });

  it('puts every heading, box and table on the page whose footer it sits above, and holds the invariants', async () => {
    const { doc, text } = await pdfDocument(name);
    const placed = [...allSections(doc.sections), ...doc.boxes, ...doc.tables];
    for (const item of placed) {
      expect(item.source.page, JSON.stringify(item.source)).toBe(footerAfter(text, item.source.offset));
      expect(item.source.bbox).toHaveLength(4);
    }
    expect(doc.physicalPages?.every((p) => p.label === String(p.number))).toBe(true);
    expect(checkInvariants(doc, text)).toEqual([]);
  });
});

describe('ruled tables and framed boxes of the rendered fixture 000', () => {
  it('stitches 表1 over pages 5 to 7 with each page box, and reads its merged cells from the grid', async () => {
    const { doc } = await pdfDocument('000');
    const t = doc.tables[0];
    expect(t.title).toBe('“十三五”经济社会发展主要指标完成情况');
    expect(t.source.placements?.map((p) => p.page)).toEqual([5, 6, 7]);
    // the header repeated at the top of pages 6 and 7 is not read as rows
    expect(t.indicators.map((i) => i.seq).slice(0, 9)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // 按下达目标确定 is one cell spanning the four sub-rows of row 14
    const subRows = t.indicators.filter((i) => i.parent === '主要污染物排放减少');
    expect(subRows.map((i) => [i.seq, i.name, i.values['target-2020'].raw, i.values['target-2020'].merged ?? false])).toEqual([
      ['14.1', '化学需氧量', '按下达目标确定', false],
      ['14.2', '二氧化硫', '按下达目标确定', true],
      ['14.3', '氨氮', '按下达目标确定', true],
      ['14.4', '氨氮化物', '按下达目标确定', true],
    ]);
    // a wrapped name is joined inside its cell, and the value has the box of its own cell
    const row8 = t.indicators.find((i) => i.seq === '8');
    expect(row8?.name).toBe('高新技术产业增加值占规上工业比重');
    const v = row8?.values['target-2020'].source;
    expect(v?.page).toBe(6);
    expect(v && v.bbox && v.bbox[2] - v.bbox[0]).toBeLessThan(80);
    // the category rows are not headings
    expect(tree(doc).some((h) => h.includes('经济增长和综合实力'))).toBe(false);
  });

  it('reads a 专栏 from its frame, items by indent and numbering, on the page it is drawn', async () => {
    const { doc } = await pdfDocument('000');
    const b = doc.boxes[0];
    expect(b.title).toBe('“十四五”生产性服务业提质工程');
    expect(b.items.map((i) => [i.ordinal, i.title])).toEqual([
      [1, '金融服务'],
      [2, '现代物流'],
      [3, '电子商务'],
    ]);
    expect(b.source.page).toBe(16);
    expect(b.items[1].text.endsWith('依托乡办综合服务站、村庄超市、供销社服务点、邮政服务设施等建设村庄快递驿站。')).toBe(true);
  });
});

describe('a table ruled with horizontal rules only (rendered fixture 004, 三线表)', () => {
  it('takes its columns from the text positions and stitches it over the page break', async () => {
    const { doc } = await pdfDocument('004-three-line');
    const t = doc.tables[0];
    expect(t.columns.map((c) => c.key)).toEqual(['unit', 'plan-2024', 'actual-2024', 'plan-2025']);
    expect(t.source.placements?.map((p) => p.page)).toEqual([11, 12]);
    // a name wrapped inside its cell (no rule around it) is joined on its row
    expect(t.indicators[8]).toMatchObject({ seq: '9', name: '细微颗粒物（PM2.5）年均浓度', unit: '微克/立方米' });
    expect(t.indicators[8].values['actual-2024']).toMatchObject({ raw: '50', kind: 'number', value: 50 });
  });
});

// 003-rows-break: fixture 003's indicator tables alone, rows allowed to break across pages (LibreOffice's
// default): row 5 of 表2 leaves （%） of its name, and row 19 标 of 按市下达目标, under the next page's repeated header
describe('ruled tables whose rows break across pages (rendered fixture 003, tables only)', () => {
  it('reads a row cut by a page break as one row: the text fixture’s indicator records', async () => {
    const { doc, text } = await pdfDocument('003-rows-break');
    expect(records(doc)).toEqual(records(fixtureDocument('003')));
    expect(doc.tables.map((t) => t.indicators.length)).toEqual([19, 19]);
    expect(doc.diagnostics.filter((d) => d.stage === 'tables').map((d) => [d.code, d.source?.page])).toEqual([
      ['row-cut-joined', 3],
      ['row-cut-joined', 4],
    ]);
    expect(checkInvariants(doc, text)).toEqual([]);
  });

  it('keeps both parts’ places, and a row printed whole at the top of a page its own', async () => {
    const { doc } = await pdfDocument('003-rows-break');
    const [t1, t2] = doc.tables;
    // 表1 goes on from page 1 to page 2 between rows 13 and 14, each whole
    expect(t1.indicators.filter((i) => i.seq === '13' || i.seq === '14').map((i) => [i.seq, i.source.page, i.source.placements])).toEqual([
      ['13', 1, undefined],
      ['14', 2, undefined],
    ]);
    const row5 = t2.indicators.find((i) => i.seq === '5');
    expect(row5).toMatchObject({ name: '研发经费投入增长', unit: '%' });
    expect(row5?.source.placements?.map((p) => p.page)).toEqual([2, 3]);
    const cut = t2.indicators.find((i) => i.seq === '19')?.values['target-2025'];
    expect(cut).toMatchObject({ raw: '按市下达目标', kind: 'text' });
    // the value's box on each page is its cell's: one column wide, under the repeated header on page 4
    const boxes = cut?.source?.placements ?? [];
    expect(boxes.map((p) => p.page)).toEqual([3, 4]);
    expect(boxes.every((p) => p.bbox[2] - p.bbox[0] < 80 && p.bbox[3] - p.bbox[1] < 30)).toBe(true);
  });
});

// the shared corpora sit next to the checkout and are not part of the repository: skipped where absent
const YUNNAN = join(FIXTURES, '..', '..', 'shared', 'corpora', 'local', 'yunnan-fyp10-outline-2001.pdf');

describe('a PDF outline with a table of contents without page numbers', () => {
  it.skipIf(!existsSync(YUNNAN))('builds the 篇/章 tree of the Yunnan outline without numbering gaps from its contents page', async () => {
    const bytes = readFileSync(YUNNAN);
    const r = await pipeline.run('yunnan', { path: 'local/yunnan-fyp10-outline-2001.pdf', bytes });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    const d = r.document;
    expect(d.sections.map((s) => `${s.marker}${s.title}`).slice(0, 3)).toEqual(['序言', '第一篇指导思想和发展目标', '第二篇调整经济结构']);
    expect(d.sections.filter((s) => s.kind === 'part')).toHaveLength(8);
    expect(d.sections[2].children.map((c) => c.marker)).toEqual(['第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章', '第十章', '第十一章', '第十二章']);
    expect(d.diagnostics.filter((x) => x.code === 'numbering-gap')).toEqual([]);
    expect(d.meta.toc).toHaveLength(35);
    expect(d.meta.toc.every((e) => e.sectionId !== null)).toBe(true);
  });
});
