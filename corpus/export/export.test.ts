import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvField, toCsv, toJsonl } from './format.js';
import { INDICATOR_FIELDS, indicatorRows } from './indicator-rows.js';
import { readCorpus } from './read-corpus.js';
import { writeFixtureCorpus } from '../../test/builders/fixture-corpus.js';
import { sharedScratchFolders } from '../../test/helpers.js';

const dir = sharedScratchFolders('export')();
beforeAll(() => writeFixtureCorpus(dir));

type Record = { [k: string]: string };

describe('indicator export', () => {
  it('reads the ok documents of a corpus folder', async () => {
    const { docs, problems } = await readCorpus(dir);
    expect(problems).toEqual([]);
    expect(docs.map((d) => d.id)).toEqual(['000_5e002ab9d4a7d847', '001_861a99607351fc64', '003_0b1e8b9a0c3e043b', '004_28dd4271f70e694a']);
  });

  it('writes one row per indicator × value column, and reads back with a CSV parser', async () => {
    const { docs } = await readCorpus(dir);
    const rows = indicatorRows(docs);
    const expected = docs.flatMap((d) => d.tables.flatMap((t) => t.indicators.map((i) => Object.keys(i.values).length))).reduce((a, b) => a + b, 0);
    // 000: 32×4 + 21×3; 003: 19×5 + 19×4; 004: 13×3
    expect(expected).toBe(32 * 4 + 21 * 3 + 19 * 5 + 19 * 4 + 13 * 3);
    expect(rows).toHaveLength(expected);

    const csv = toCsv(rows, { bom: true });
    expect(csv.startsWith('\ufeffdocument_id,')).toBe(true);
    const records = parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record[];
    expect(records).toHaveLength(expected);
    expect(Object.keys(records[0])).toEqual([...INDICATOR_FIELDS]);

    const find = (doc: string, table: string, seq: string, key: string) =>
      records.find((r) => r.document_id === doc && r.table_id === table && r.seq === seq && r.column_key === key);
    const r8 = find('000_5e002ab9d4a7d847', 'table-1', '8', 'target-2020');
    expect(r8).toMatchObject({
      region: '河南省平顶山市湛河区',
      year: '2021',
      table_title: '“十三五”经济社会发展主要指标完成情况',
      category: '创新驱动和转型升级',
      name: '高新技术产业增加值占规上工业比重',
      unit: '%',
      column_header: '2020年目标',
      role: 'target',
      column_year: '2020',
      raw: '40 以上',
      kind: 'atLeast',
      value: '40',
      qualifier: 'atLeast',
      attribute: 'expected',
    });
    expect(find('000_5e002ab9d4a7d847', 'table-2', '9.1', 'target-2025')).toMatchObject({ raw: '[5]', kind: 'bracketed', value: '5', qualifier: 'cumulative', parent: '城镇就业' });
    const rate = find('000_5e002ab9d4a7d847', 'table-1', '28', 'target-2020');
    expect(rate).toMatchObject({ raw: '14/10 万以下', kind: 'rate', value: '14', denominator: '10万', qualifier: 'atMost' });
    const merged = find('003_0b1e8b9a0c3e043b', 'table-1', '5', 'target-growth');
    expect(merged).toMatchObject({ raw: '完成市定目标', kind: 'text', value: '', merged: 'true' });
    const cast = parse(csv, { bom: true, columns: true, cast: true }) as Array<{ [k: string]: unknown }>;
    const numbers = cast.filter((r) => r.kind === 'number');
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((r) => typeof r.value === 'number')).toBe(true);
    expect(cast.find((r) => r.seq === 22 && r.column_key === 'actual-2020')?.value).toBe(-11.59);
  });

  it('quotes fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField(null)).toBe('');
    expect(csvField(-11.59)).toBe('-11.59');
  });

  it('writes JSONL: one object per line with numbers as numbers and nulls kept', async () => {
    const { docs } = await readCorpus(dir);
    const rows = indicatorRows(docs);
    const lines = toJsonl(rows).trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length);
    const objs = lines.map((l) => JSON.parse(l) as { [k: string]: unknown });
    expect(Object.keys(objs[0])).toEqual([...INDICATOR_FIELDS]);
    const pm = objs.find((o) => o.document_id === '004_28dd4271f70e694a' && o.seq === '9' && o.column_key === 'actual-2024');
    expect(pm).toMatchObject({ name: '细微颗粒物（PM2.5）年均浓度', unit: '微克/立方米', value: 50, kind: 'number', category: null, attribute: null, column_year: 2024, role: 'actual' });
  });
});
