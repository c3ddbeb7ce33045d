import { describe, expect, it } from 'vitest';
import { diffCorpora, snapshotOf } from './corpus.js';
import { makeDoc, type DocSpec } from '../../test/builders/fixture-docs.js';
import { formatDiffJson, formatDiffText } from './format.js';

const base: DocSpec = {
  id: 'zhanhe',
  title: '湛河区“十四五”规划纲要',
  sections: [
    {
      marker: '第一章',
      title: '发展基础',
      paragraphs: ['“十三五”时期，全区经济保持平稳增长。', '城乡面貌持续改善。'],
      children: [{ marker: '一、', title: '主要目标', paragraphs: ['到2025年，地区生产总值年均增长7%左右。'] }],
    },
    { marker: '第二章', title: '建设现代产业体系', paragraphs: ['大力发展先进制造业。'] },
  ],
  tables: [{ number: 2, title: '“十四五”主要指标', columns: ['base-2020', 'target-2025'], indicators: [{ seq: '1', name: '地区生产总值', unit: '亿元', values: { 'base-2020': 300, 'target-2025': 420 } }] }],
  boxes: [{ title: '重点工程', items: ['建设金融大厦。', '规划建设物流园。'] }],
  diagnostics: ['numbering-gap'],
};

const after: DocSpec = {
  ...base,
  firstLine: 4, // an edit above moved everything down: positions are ignored by default
  sections: [
    {
      marker: '第一章',
      title: '发展基础',
      paragraphs: ['“十三五”时期，全区经济保持较快增长。'],
      children: [{ marker: '一、', title: '发展目标', paragraphs: ['到2025年，地区生产总值年均增长7.5%左右。'] }],
    },
    { marker: '第二章', title: '构建现代产业体系', paragraphs: ['大力发展先进制造业。'] },
    { marker: '第三章', title: '推进乡村振兴', paragraphs: ['巩固拓展脱贫攻坚成果。'] },
  ],
  tables: [{ number: 2, title: '“十四五”主要指标', columns: ['base-2020', 'target-2025'], indicators: [{ seq: '1', name: '地区生产总值', unit: '亿元', values: { 'base-2020': 300, 'target-2025': 450 } }, { seq: '2', name: '常住人口城镇化率', unit: '%', values: { 'base-2020': 80, 'target-2025': 83 } }] }],
  boxes: [{ title: '重点工程', items: ['建设金融大厦。', '规划建设现代物流园。'] }],
  diagnostics: [],
};

describe('formatDiffText', () => {
  const diff = diffCorpora(snapshotOf('v1', [makeDoc(base)]), snapshotOf('v2', [makeDoc(after)]));

  it('prints a readable summary', () => {
    expect(formatDiffText(diff)).toMatchInlineSnapshot(`
      "--- v1 (plancorpus 0.0.0, 1 document(s))
      +++ v2 (plancorpus 0.0.0, 1 document(s))
      1 compared: 1 changed, 0 unchanged; 0 added, 0 removed; 0 status change(s)

      == zhanhe (zhanhe.txt)
        outline:
          ~ retitled: 第一章 发展基础 › 一、主要目标 → 一、发展目标
          ~ retitled: 第二章 建设现代产业体系 → 第二章 构建现代产业体系
          + 第三章 推进乡村振兴
        paragraphs:
          ~ 第一章 发展基础 ¶1
              …三五”时期，全区经济保持[-平稳-]{+较快+}增长。
          - 第一章 发展基础 ¶2: «城乡面貌持续改善。»
          ~ 第一章 发展基础 › 一、主要目标 ¶1
              …年，地区生产总值年均增长[-7%-]{+7.5%+}左右。
          + 第三章 推进乡村振兴 ¶1: «巩固拓展脱贫攻坚成果。»
        tables:
          ~ 表2 “十四五”主要指标
              ~ 1 地区生产总值 · target-2025: 420 → 450
              + indicator 2 常住人口城镇化率 (%)
        boxes:
          ~ 重点工程
              ~ item
                  2. 规划建设{+现代+}物流园。
        messages:
          diagnostic numbering-gap: 1 → 0
      "
    `);
  });

  it('says identical when nothing differs, and --quiet lists only ids', () => {
    const same = diffCorpora(snapshotOf('v1', [makeDoc(base)]), snapshotOf('v1 again', [makeDoc({ ...base, firstLine: 9 })]));
    expect(formatDiffText(same)).toContain('identical: 1 document(s) compared, no differences');
    expect(formatDiffText(same, { quiet: true })).toBe('');
    expect(formatDiffText(diff, { quiet: true })).toBe('changed  zhanhe\n');
  });

  it('JSON is deterministic and round-trips', () => {
    const again = diffCorpora(snapshotOf('v1', [makeDoc(base)]), snapshotOf('v2', [makeDoc(after)]));
    expect(formatDiffJson(again)).toBe(formatDiffJson(diff));
    const parsed = JSON.parse(formatDiffJson(diff)) as typeof diff;
    expect(Object.keys(parsed)).toEqual(['a', 'b', 'options', 'identical', 'summary', 'added', 'removed', 'documents', 'notes']);
    expect(Object.keys(parsed.documents[0])).toEqual(['id', 'source', 'status', 'meta', 'outline', 'paragraphs', 'tables', 'boxes', 'figures', 'messages', 'notes']);
  });
});
