import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import { markupEdits } from './markup.js';

const run = (s: string) => {
  const r = markupEdits(s);
  return { text: applyEdits(fromRaw(s), r.edits).text.text, spans: r.spans.map((x) => s.slice(x.start, x.end)), strays: r.strays.length };
};

describe('markup', () => {
  it('removes **bold** markers and keeps the lead phrases as emphasis (001)', () => {
    const r = run('城乡面貌不断改善。**漯河新区加速推进。**成立漯河新区指挥部');
    expect(r.text).toBe('城乡面貌不断改善。漯河新区加速推进。成立漯河新区指挥部');
    expect(r.spans).toEqual(['漯河新区加速推进。']);
  });

  it('pairs markers across a line break and over a title printed on three lines (001, 003)', () => {
    expect(run('签约入驻。**工业经济稳步发**\n展。').spans).toEqual(['工业经济稳步发']);
    const title = run('**平顶山市卫东区国民经济和社会发展\n第十四个五年规划和二〇三五年\n远景目标纲要**');
    expect(title.strays).toBe(0);
    expect(title.text).not.toContain('*');
  });

  it('drops a marker without a partner and says so', () => {
    const r = run('一是**风险隐患增多');
    expect(r.text).toBe('一是风险隐患增多');
    expect(r.strays).toBe(1);
  });

  it('maps emphasis in linear time (40,000 bold phrases)', async () => {
    const { DocContext } = await import('../../core/context.js');
    const { removeMarkup } = await import('./markup.js');
    const text = Array(40000).fill('推进**经济**发展，**建设**体系。').join('\n');
    const doc = new DocContext('big.txt', text);
    const out = removeMarkup(fromRaw(text), doc);
    expect(out.emphasis).toHaveLength(80000);
    expect(out.text.text.slice(out.emphasis[79999].start, out.emphasis[79999].end)).toBe('建设');
  });

  it('removes _{x} subscript markup (004: PM _{2.5})', () => {
    expect(run('细微颗粒物（PM _{2.5} ）年均浓度').text).toBe('细微颗粒物（PM2.5）年均浓度');
  });
});
