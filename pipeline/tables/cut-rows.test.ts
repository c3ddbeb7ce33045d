import { describe, expect, it } from 'vitest';
import { DocContext } from '../../core/context.js';
import type { LayoutCell, LayoutTable } from '../ingest/layout.js';
import { regionFromLines } from '../../test/builders/fixture-tables.js';
import { rawRowsFromLines } from '../../test/builders/raw-rows.js';
import { joinCutRow } from './cut-rows.js';
import { parseTable } from './parse-table.js';
import { textRangeSpan } from './row-span.js';

// a ruled table as PDF ingest writes it: row 5's name cut by the page break, its rest under the repeated header
const RAW = [
  '表1 主要指标',
  '序号\t指标名称\t2025年\t属性',
  '4\t社会消费品零售总额增长\t8左右\t预期性',
  '5\t研发经费投入\t2.6\t预期性',
  '— 1 —',
  '\f序号\t指标名称\t2025年\t属性',
  '\t强度（%）\t\t',
  '6\t人均预期寿命\t79\t预期性',
  '',
].join('\n');

/** The layout table of the grid rows on raw lines 2, 3, 4, 7 and 8 (line 6, the repeated header, is not in the grid). */
function layoutTable(doc: DocContext, continuedRows?: number[]): LayoutTable {
  const cells: LayoutCell[] = [2, 3, 4, 7, 8].flatMap((line, row) => {
    let at = doc.lines.starts[line - 1];
    return doc.lines.lineText(line).split('\t').map((text, col) => {
      const cell = { row, col, rowSpan: 1, colSpan: 1, start: at, end: at + text.length };
      at += text.length + 1;
      return cell;
    });
  });
  const end = doc.lines.lineEnd(8);
  return { start: doc.lines.starts[1], end, rows: 5, cols: 4, headerRows: 1, cells, ...(continuedRows ? { continuedRows } : {}) };
}

describe('joinCutRow', () => {
  it('reads a cut row and its rest as one row, every character mapped to its own raw place', () => {
    const doc = new DocContext('t.pdf', RAW);
    const rows = rawRowsFromLines(doc, 2, 8);
    const cut = rows.find((r) => r.text.startsWith('5'));
    const rest = rows.find((r) => r.text.startsWith('强度'));
    if (!cut || !rest) throw new Error('rows not found');
    const joined = joinCutRow(cut, rest, doc);
    expect(joined.text).toBe('5\t研发经费投入强度（%）\t2.6\t预期性');
    expect([joined.source.line, joined.source.endLine]).toEqual([4, 7]);
    // the name's span runs from its first part to its rest; each piece of the text is where the map says
    const name = textRangeSpan(joined, 2, 2 + '研发经费投入强度（%）'.length, doc);
    expect(doc.raw.slice(name.offset, name.endOffset)).toMatch(/^研发经费投入\t[^]*\t强度（%）$/);
    const value = textRangeSpan(joined, joined.text.indexOf('2.6'), joined.text.indexOf('2.6') + 3, doc);
    expect(doc.raw.slice(value.offset, value.endOffset)).toBe('2.6');
    for (const [t, o] of joined.map) expect(doc.raw[o]).toBe(joined.text[t]);
  });
});

describe('a ruled table with a row cut by a page break', () => {
  const parse = (continuedRows?: number[]) => {
    const doc = new DocContext('t.pdf', RAW);
    const region = regionFromLines(doc, { id: 'table-1', number: 1, titleLine: 1, body: [2, 8] });
    return { table: parseTable(region, doc, layoutTable(doc, continuedRows)), doc };
  };

  it('gives one indicator for the two parts, and says so', () => {
    const { table, doc } = parse([3]);
    expect(table.indicators.map((i) => [i.seq, i.name, i.unit, Object.values(i.values)[0]?.raw])).toEqual([
      ['4', '社会消费品零售总额增长', null, '8左右'],
      ['5', '研发经费投入强度', '%', '2.6'],
      ['6', '人均预期寿命', null, '79'],
    ]);
    // the raw rows stay the printed lines
    expect(table.rawRows).toHaveLength(6);
    expect(doc.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['row-cut-joined', 7]]);
  });

  it('reads the rest as a row of its own when ingest did not find the cut (the limit this removes)', () => {
    expect(parse().table.indicators.map((i) => i.name)).toEqual(['社会消费品零售总额增长', '研发经费投入', '强度', '人均预期寿命']);
  });
});
