import { describe, expect, it } from 'vitest';
import { Table, type Indicator, type Quantity } from '../../schemas/table.js';
import { applyEdits, fromRaw, runMap } from '../../core/provenance/index.js';
import { unicodeEdits } from '../normalize/unicode.js';
import type { DocContext } from '../../core/context.js';
import { FIXTURE_TABLES, fixtureDoc, regionFromLines } from '../../test/builders/fixture-tables.js';
import { parseTable } from './parse-table.js';
import { parseTables } from './index.js';
import type { TableRegion } from '../types.js';
import { rawRowsFromLines } from '../../test/builders/raw-rows.js';

function parsed(n: number): { table: Table; doc: DocContext } {
  const { file, region } = FIXTURE_TABLES[n];
  const doc = fixtureDoc(file);
  return { table: parseTable(regionFromLines(doc, region), doc), doc };
}

const row = (t: Table, seq: string): Indicator => {
  const found = t.indicators.find((i) => i.seq === seq);
  if (!found) throw new Error(`no row ${seq}`);
  return found;
};
const byHeader = (t: Table, i: Indicator, header: string): Quantity => {
  const col = t.columns.find((c) => c.header === header);
  if (!col) throw new Error(`no column ${header}: ${t.columns.map((c) => c.header).join(', ')}`);
  return i.values[col.key];
};
/** The raw text a span points at. */
const at = (doc: DocContext, q: { source?: { offset: number; endOffset: number } }): string => doc.raw.slice(q.source!.offset, q.source!.endOffset);

describe('parseTable on 000 表1 (PDF text, cells broken over lines, sub-rows)', () => {
  const { table: t, doc } = parsed(0);

  it('is a valid indicator table with 32 rows in 4 categories and its note', () => {
    expect(Table.parse(t)).toEqual(t);
    expect(t.kind).toBe('indicators');
    expect(t.indicators.map((i) => i.seq)).toEqual([
      ...Array.from({ length: 13 }, (_, k) => String(k + 1)),
      '14.1', '14.2', '14.3', '14.4',
      ...Array.from({ length: 15 }, (_, k) => String(k + 15)),
    ]);
    expect(new Set(t.indicators.map((i) => i.category))).toEqual(new Set(['经济增长和综合实力', '创新驱动和转型升级', '生态建设和环境保护', '社会发展和民生改善']));
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0].text).toMatch(/^注：受新冠肺炎疫情.*未实现预期目标。$/);
    expect(doc.diagnostics).toEqual([]);
  });

  it('joins the header cells printed over several lines', () => {
    expect(t.columns.map((c) => [c.header, c.role, c.year])).toEqual([
      ['2015年基数', 'base', 2015],
      ['2020年目标', 'target', 2020],
      ['年均增速（%）', 'growth', null],
      ['2020年完成值', 'actual', 2020],
      ['指标属性', 'attribute', null],
    ]);
  });

  it('reads row 8, its name broken over two lines', () => {
    const r = row(t, '8');
    expect(r).toMatchObject({ name: '高新技术产业增加值占规上工业比重', unit: '%', attribute: 'expected', attributeText: '预期性', parent: null });
    expect(byHeader(t, r, '2015年基数')).toMatchObject({ kind: 'number', value: 43.1 });
    expect(byHeader(t, r, '2020年目标')).toMatchObject({ raw: '40 以上', kind: 'atLeast', value: 40 });
    expect(byHeader(t, r, '年均增速（%）').kind).toBe('none');
    expect(byHeader(t, r, '2020年完成值')).toMatchObject({ kind: 'number', value: 35 });
    expect(at(doc, byHeader(t, r, '2020年目标'))).toBe('40 以上');
    expect(r.source.line).toBe(379);
    expect(r.source.endLine).toBe(383);
  });

  it('reads the sub-rows of 14 with the target merged over them', () => {
    const subs = ['14.1', '14.2', '14.3', '14.4'].map((s) => row(t, s));
    expect(subs.map((s) => s.name)).toEqual(['化学需氧量', '二氧化硫', '氨氮', '氨氮化物']);
    for (const s of subs) {
      expect(s).toMatchObject({ parent: '主要污染物排放减少', unit: '吨', attribute: 'binding' });
      expect(byHeader(t, s, '2020年目标')).toMatchObject({ raw: '按下达目标确定', kind: 'text', text: '按下达目标确定' });
    }
    const r = subs[1];
    expect(byHeader(t, r, '2015年基数').value).toBe(6420);
    expect(byHeader(t, r, '2020年完成值').value).toBe(221.6);
    const target = byHeader(t, r, '2020年目标');
    expect(target.merged).toBe(true);
    // the repeated cell points where it was printed: inside the first sub-row, lines 424–426
    expect([target.source?.line, target.source?.endLine]).toEqual([424, 426]);
    expect(byHeader(t, subs[0], '2020年目标').merged).toBeUndefined();
  });

  it('reads rates per 10万 with their qualifier', () => {
    const r = row(t, '28');
    expect(r.name).toBe('孕产妇女死亡率控制');
    expect(byHeader(t, r, '2020年目标')).toMatchObject({ raw: '14/10 万以下', kind: 'rate', value: 14, denominator: '10万', qualifier: 'atMost' });
    expect(byHeader(t, r, '2020年完成值')).toMatchObject({ raw: '13/10 万', kind: 'rate', value: 13, denominator: '10万' });
  });

  it('keeps a number that opens a name in the name, and negative results as numbers', () => {
    expect(row(t, '27')).toMatchObject({ name: '5岁以下儿童死亡率控制', unit: '‰' });
    expect(byHeader(t, row(t, '22'), '2020年完成值')).toMatchObject({ kind: 'number', value: -11.59 });
    expect(byHeader(t, row(t, '11'), '2020年完成值')).toMatchObject({ raw: '预计 2.5', kind: 'estimate', value: 2.5 });
    expect(byHeader(t, row(t, '10'), '2015年基数').kind).toBe('none');
  });

  it('points every cell at its raw text', () => {
    for (const i of t.indicators) {
      for (const q of Object.values(i.values)) {
        if (q.source!.line === q.source!.endLine) expect(at(doc, q)).toBe(q.raw);
        else expect(at(doc, q).replace(/\s+/g, '')).toBe(q.raw);
      }
    }
  });
});

describe('parseTable on 000 表2 (page break and repeated header inside the table)', () => {
  const { table: t, doc } = parsed(1);

  it('has 21 rows across the page break', () => {
    expect(t.kind).toBe('indicators');
    expect(t.indicators.map((i) => i.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9.1', '9.2', ...Array.from({ length: 11 }, (_, k) => String(k + 10))]);
    expect(t.columns.map((c) => [c.header, c.role, c.year])).toEqual([
      ['2020年基数', 'base', 2020],
      ['2025年目标', 'target', 2025],
      ['五年年均增速或累计', 'growth', null],
      ['指标属性', 'attribute', null],
    ]);
    expect(row(t, '13').name).toBe('每千人口拥有3岁以下婴幼儿托位数');
    expect(doc.diagnostics).toEqual([]);
  });

  it('reads ≥ as atLeast and text targets as text', () => {
    expect(byHeader(t, row(t, '3'), '2020年基数').value).toBe(80);
    expect(byHeader(t, row(t, '3'), '2025年目标')).toMatchObject({ raw: '≥83', kind: 'atLeast', value: 83 });
    expect(byHeader(t, row(t, '8'), '五年年均增速或累计')).toMatchObject({ kind: 'text', text: '与经济增长基本同步' });
    const r15 = row(t, '15');
    expect(r15).toMatchObject({ name: '单位GDP能耗降幅', unit: '%', attribute: 'binding' });
    expect(byHeader(t, r15, '2020年基数').value).toBe(2.5);
    expect(byHeader(t, r15, '2025年目标')).toMatchObject({ kind: 'text', text: '按市定目标执行' });
  });

  it('reads [5] as cumulative over the plan period because the note says so', () => {
    const r = row(t, '9.1');
    expect(r).toMatchObject({ name: '城镇新增就业人数', parent: '城镇就业', unit: '万人' });
    expect(byHeader(t, r, '2025年目标')).toMatchObject({ raw: '[5]', kind: 'bracketed', value: 5, qualifier: 'cumulative', period: { start: 2021, end: 2025 } });
    expect(row(t, '9.2')).toMatchObject({ name: '城镇登记失业率', parent: '城镇就业' });
  });

  it('joins a name broken over three lines and finds its unit among the parentheses', () => {
    expect(row(t, '12')).toMatchObject({ name: '基本养老保险参保率（城乡居民、城镇企业职工、机关事业基本养老保险参保率）', unit: '%' });
    expect(byHeader(t, row(t, '12'), '2025年目标').value).toBe(98.5);
  });
});

describe('parseTable on 003 (tab-separated, two-level header, merged cells)', () => {
  it('表1: 19 rows, two-level header, merged cells repeated across', () => {
    const { table: t, doc } = parsed(2);
    expect(t.kind).toBe('indicators');
    expect(t.indicators).toHaveLength(19);
    expect(t.columns.map((c) => [c.key, c.header, c.role, c.year])).toEqual([
      ['base-2015', '2015年基数', 'base', 2015],
      ['target-2020', '“十三五”规划目标 / 2020年', 'target', 2020],
      ['target-growth', '“十三五”规划目标 / 年均增长(%)', 'growth', null],
      ['actual-2020', '“十三五”完成情况 / 2020年', 'actual', 2020],
      ['actual-growth', '“十三五”完成情况 / 年均增长(%)', 'growth', null],
      ['attribute', '指标属性', 'attribute', null],
    ]);
    const r5 = row(t, '5');
    expect(r5).toMatchObject({ name: '进出口贸易总额', unit: '万美元', category: '经济增长和综合实力' });
    expect(r5.values['target-2020']).toMatchObject({ kind: 'text', text: '完成市定目标' });
    expect(r5.values['target-growth']).toMatchObject({ kind: 'text', text: '完成市定目标', merged: true });
    expect(r5.values['actual-2020']).toMatchObject({ kind: 'text', text: '完成' });
    expect(r5.values['actual-growth']).toMatchObject({ kind: 'text', text: '完成', merged: true });
    expect(at(doc, r5.values['target-growth'])).toBe('完成市定目标');
    expect(row(t, '1').values['target-growth']).toMatchObject({ raw: '7 左右', kind: 'about', value: 7 });
    expect(row(t, '11').values['target-2020']).toMatchObject({ kind: 'atMost', value: 5 });
    expect(doc.diagnostics).toEqual([]);
  });

  it('表2: 19 rows; row 6 under both header levels; the 备注 kept', () => {
    const { table: t } = parsed(3);
    expect(t.indicators).toHaveLength(19);
    const r6 = row(t, '6');
    expect(r6).toMatchObject({ name: '每万人口高价值发明专利拥有量', unit: '件' });
    expect(byHeader(t, r6, '“十三五”基数 / 2020年绝对值').value).toBe(1.62);
    expect(byHeader(t, r6, '“十三五”基数 / 年均增长(%)').value).toBe(5.74);
    expect(byHeader(t, r6, '“十四五”目标 / 2025年绝对值').value).toBe(2.27);
    expect(byHeader(t, r6, '“十四五”目标 / 年均增速(%)').value).toBe(6.96);
    expect(t.columns.find((c) => c.header === '“十三五”基数 / 2020年绝对值')).toMatchObject({ role: 'base', year: 2020 });
    expect(t.columns.find((c) => c.header === '“十四五”目标 / 2025年绝对值')).toMatchObject({ role: 'target', year: 2025 });
    expect(row(t, '2')).toMatchObject({ name: '全员劳动生产率增长', unit: '元/人', unitNote: '2020年价格' });
    expect(t.notes[0].text).toBe('备注：地区生产总值年均增速为扣除价格因素的实际增长速度。');
  });
});

describe('parseTable on 004 (unit column, 1. numbering, split text values)', () => {
  const { table: t, doc } = parsed(4);

  it('reads units from the unit column and plan/actual columns by year', () => {
    expect(t.kind).toBe('indicators');
    expect(t.number).toBeNull();
    expect(t.indicators).toHaveLength(13);
    expect(t.columns.map((c) => [c.key, c.role, c.year])).toEqual([
      ['unit', 'unit', null],
      ['plan-2024', 'plan', 2024],
      ['actual-2024', 'actual', 2024],
      ['plan-2025', 'plan', 2025],
    ]);
    expect(new Set(t.indicators.map((i) => i.unit))).toEqual(new Set(['%', '亩', '天', '微克/立方米', '亿元', '万美元', '人']));
    expect(t.indicators.every((i) => !('unit' in i.values))).toBe(true);
  });

  it('reads row 6: a number, a bracketed estimate (per its note) and a split text target', () => {
    const r = row(t, '6');
    expect(r.name).toBe('万元生产总值能耗降低率');
    expect(r.values['plan-2024']).toMatchObject({ kind: 'number', value: 1 });
    expect(r.values['actual-2024']).toMatchObject({ raw: '[2]', kind: 'bracketed', value: 2, qualifier: 'estimate' });
    expect(r.values['actual-2024'].period).toBeUndefined();
    expect(r.values['plan-2025']).toMatchObject({ raw: '完成市定 目标', kind: 'text', text: '完成市定目标' });
    expect(at(doc, r.values['plan-2025'])).toBe('完成市定 目标');
  });

  it('keeps PM subscripts readable', () => {
    expect(row(t, '9').name).toBe('细微颗粒物（PM2.5）年均浓度');
    expect(row(t, '10').name).toBe('可吸入颗粒物（PM10）年均浓度');
    expect(row(t, '11').values['plan-2024']).toMatchObject({ kind: 'text', text: '基本持平' });
  });
});

describe('parseTable on rows normalized by the normalize stage', () => {
  it('reads the same values when text is normalized (—— → —, ₁₀ → 10) and spans still hit the raw cell', () => {
    for (const n of [1, 4]) {
      const { file, region } = FIXTURE_TABLES[n];
      const doc = fixtureDoc(file);
      const plain = regionFromLines(doc, region);
      const normalized: TableRegion = {
        ...plain,
        rawRows: plain.rawRows.map((r) => {
          const mt = fromRaw(r.text);
          const { text } = applyEdits(mt, unicodeEdits(mt.text));
          const base = r.map[0][1];
          return { ...r, text: text.text, map: runMap(text, 0, text.text.length).map(([a, b]) => [a, b + base] as [number, number]) };
        }),
      };
      expect(normalized.rawRows.some((r, i) => r.text !== plain.rawRows[i].text)).toBe(true);
      const a = parseTable(plain, doc);
      const b = parseTable(normalized, doc);
      expect(b.indicators.map((i) => i.name)).toEqual(a.indicators.map((i) => i.name));
      expect(b.indicators.map((i) => Object.values(i.values).map((q) => [q.kind, q.value ?? q.text ?? null]))).toEqual(
        a.indicators.map((i) => Object.values(i.values).map((q) => [q.kind, q.value ?? q.text ?? null])),
      );
      expect(b.indicators.flatMap((i) => Object.values(i.values).map((q) => q.source))).toEqual(a.indicators.flatMap((i) => Object.values(i.values).map((q) => q.source)));
    }
  });
});

describe('parseTable on tables that are not indicator tables', () => {
  it('keeps a 专栏 box (numbered project paragraphs) as kind other, without exception', () => {
    const doc = fixtureDoc('000_5e002ab9d4a7d847.txt');
    const region: TableRegion = { id: 'box', number: null, title: '专栏', sectionId: null, source: doc.span(0, 1), notes: [], rawRows: rawRowsFromLines(doc, 1061, 1085) };
    const t = parseTable(region, doc);
    expect(t).toMatchObject({ kind: 'other', indicators: [] });
  });

  it('finds no indicator table in the prose of 001 and 002', () => {
    for (const [file, from, to] of [['001_861a99607351fc64.txt', 60, 80], ['002_9fd36254901f4f2d.txt', 20, 40]] as const) {
      const doc = fixtureDoc(file);
      const region: TableRegion = { id: 'x', number: null, title: '', sectionId: null, source: doc.span(0, 1), notes: [], rawRows: rawRowsFromLines(doc, from, to) };
      expect(parseTable(region, doc)).toMatchObject({ kind: 'other', indicators: [] });
    }
  });

  it('keeps an empty region as kind other', () => {
    const doc = fixtureDoc('004_28dd4271f70e694a.txt');
    const t = parseTable({ id: 'e', number: null, title: '', sectionId: null, source: doc.span(0, 0), notes: [], rawRows: [] }, doc);
    expect(t).toMatchObject({ kind: 'other', columns: [], indicators: [] });
  });
});

describe('parseTable diagnostics', () => {
  it('reports a row whose cells are missing instead of guessing', () => {
    const doc = fixtureDoc('000_5e002ab9d4a7d847.txt');
    // 表2 header and rows 1–3, with row 2 cut short (its last two cells dropped)
    const region = regionFromLines(doc, { id: 't', number: 2, titleLine: 782, body: [784, 807] });
    const rows = region.rawRows.map((r) => (r.text.startsWith('2 ') ? { ...r, text: r.text.replace(/ —— 7左右 预期性$/, ' 预期性') } : r));
    const [t] = parseTables([{ ...region, rawRows: rows }], doc);
    expect(t.indicators.map((i) => i.seq)).toEqual(['1', '2', '3']);
    expect(doc.diagnostics.map((d) => [d.stage, d.code, d.source?.line])).toEqual([['tables', 'cells-missing', 805]]);
  });

  it('says so when brackets appear and no note explains them', () => {
    const doc = fixtureDoc('004_28dd4271f70e694a.txt');
    const region = regionFromLines(doc, { id: 't', number: null, titleLine: 145, body: [147, 160] });
    const t = parseTable(region, doc);
    expect(row(t, '6').values['actual-2024']).toMatchObject({ kind: 'bracketed', value: 2 });
    expect(row(t, '6').values['actual-2024'].qualifier).toBeUndefined();
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['bracket-meaning-unknown']);
  });
});
