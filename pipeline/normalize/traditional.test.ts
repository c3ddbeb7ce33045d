import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import { traditionalEdits, traditionalProfile } from './traditional.js';

const run = (s: string) => {
  const edits = traditionalEdits(s);
  return { text: applyEdits(fromRaw(s), edits).text.text, edits };
};

describe('traditional → simplified', () => {
  it('converts traditional forms left in a simplified document, with dictionary evidence (003, raw lines 662, 934)', () => {
    const r = run('途经郑浙线郟县李口镇，形成落鳧山、白龟山等景观。');
    expect(r.text).toBe('途经郑浙线郏县李口镇，形成落凫山、白龟山等景观。');
    expect(r.edits.map((e) => e.rule)).toEqual(['opencc/t2s-leftover', 'opencc/t2s-leftover']);
    expect(r.edits[0].evidence).toMatchObject({ dictFrequency: { 郟: 0 } });
  });

  it('keeps characters that are also standard simplified (乾沣, 显著 spelled 著 elsewhere)', () => {
    expect(run('提升乾沣四不腻猪蹄的美誉度，成效显著。').text).toBe('提升乾沣四不腻猪蹄的美誉度，成效显著。');
  });

  it('converts a whole document written in traditional characters', () => {
    const s = '國民經濟和社會發展第十四個五年規劃，堅持穩中求進工作總基調。';
    expect(traditionalProfile(s).traditional).toBe(true);
    expect(run(s).text).toBe('国民经济和社会发展第十四个五年规划，坚持稳中求进工作总基调。');
  });
});
