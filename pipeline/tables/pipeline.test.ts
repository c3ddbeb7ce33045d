/**
 * The acceptance counts through the whole pipeline (ingest → normalize → segment → parseTable),
 * on the rows the segmenter really hands over: character-normalized text with the line's own
 * spacing (`10 人均绿地面积`, `40 以上`), dashes as `—`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createPipeline } from '../document.js';
import { FIXTURES } from '../../test/builders/fixture-tables.js';

async function documentOf(id: string) {
  const path = `${FIXTURES}${id}.txt`;
  const r = await createPipeline({ ocr: false }).run(id, { path, bytes: readFileSync(path) });
  if (r.status !== 'ok') throw new Error(`${id} failed: ${r.error.message}`);
  return r.document;
}

const seqs = (n: number, from = 1) => Array.from({ length: n }, (_, k) => String(k + from));

describe('indicator tables through the pipeline', () => {
  it('finds the five indicator tables, none in 001 and 002, and reads every row', async () => {
    const found: Array<[string, string, number]> = [];
    for (const id of ['000_5e002ab9d4a7d847', '001_861a99607351fc64', '002_9fd36254901f4f2d', '003_0b1e8b9a0c3e043b', '004_28dd4271f70e694a']) {
      const d = await documentOf(id);
      for (const t of d.tables.filter((x) => x.kind === 'indicators')) found.push([id.slice(0, 3), t.title, t.indicators.length]);
      expect(d.diagnostics.filter((x) => x.stage === 'tables')).toEqual([]);
      // every cell points at its printed text in the raw file
      const raw = readFileSync(`${FIXTURES}${id}.txt`, 'utf8');
      for (const q of d.tables.flatMap((t) => t.indicators.flatMap((i) => Object.values(i.values)))) {
        expect(raw.slice(q.source!.offset, q.source!.endOffset).replace(/\s+/g, '').replace(/——/g, '—')).toBe(q.raw.replace(/\s+/g, ''));
      }
    }
    expect(found).toEqual([
      ['000', '“十三五”经济社会发展主要指标完成情况', 32],
      ['000', '“十四五”经济社会发展主要指标', 21],
      ['003', '“十三五”规划主要目标完成情况表', 19],
      ['003', '“十四五”经济社会发展主要指标', 19],
      ['004', '湛河区2025年国民经济和社会发展规划主要指标（草案）', 13],
    ]);
  });

  it('reads 000 with its sub-rows and merged target from normalized rows', async () => {
    const [t1, t2] = (await documentOf('000_5e002ab9d4a7d847')).tables;
    expect(t1.indicators.map((i) => i.seq)).toEqual([...seqs(13), '14.1', '14.2', '14.3', '14.4', ...seqs(15, 15)]);
    expect(t2.indicators.map((i) => i.seq)).toEqual([...seqs(8), '9.1', '9.2', ...seqs(11, 10)]);
    const so2 = t1.indicators.find((i) => i.seq === '14.2')!;
    expect(so2).toMatchObject({ name: '二氧化硫', parent: '主要污染物排放减少', unit: '吨' });
    expect(so2.values['target-2020']).toMatchObject({ kind: 'text', text: '按下达目标确定', merged: true });
    expect(t1.indicators.find((i) => i.seq === '10')).toMatchObject({ name: '人均绿地面积', unit: '平方米' });
    expect(t2.indicators.find((i) => i.seq === '9.1')!.values['target-2025']).toMatchObject({ kind: 'bracketed', value: 5, qualifier: 'cumulative' });
  });
});
