import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/document.js';
import { formatOutline, outlineTree } from './outline.js';
import { formatProblems, validateDocument } from '../pipeline/emit/validate.js';

const text = ['某区国民经济和社会发展第十四个五年规划纲要', '第一章 发展基础', '正文。', '一、经济实力', '正文。', '专栏 重点工程', '1. 项目甲。建设内容。', '第二章 主要任务', '正文。'].join('\n');
const doc = createPipeline({ ocr: false }).fromRaw('inline', { source: { path: 'inline.txt', sha256: '0'.repeat(64), bytes: text.length, encoding: 'utf-8', format: 'txt' }, text });

describe('outline', () => {
  it('prints the heading tree with raw lines', () => {
    expect(formatOutline(doc)).toMatchInlineSnapshot(`
      "某区国民经济和社会发展第十四个五年规划纲要  [five-year-plan]
      第一章 发展基础  L2
        一、 经济实力  L4
          [专栏] 重点工程 (1 items)  L6-7
      第二章 主要任务  L8
      "
    `);
    expect(outlineTree(doc).map((n) => [n.marker, n.line, n.children.length])).toEqual([['第一章', 2, 1], ['第二章', 8, 0]]);
  });

  it('reports a schema problem at the item and its raw position', () => {
    const broken = structuredClone(doc) as unknown as { sections: Array<{ children: Array<{ ordinal: unknown }> }> };
    broken.sections[0].children[0].ordinal = 'one';
    const r = validateDocument(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblems(r.problems)).toMatchInlineSnapshot(`"sections.0.children.0.ordinal: Invalid input: expected number, received string (raw line 4, column 0)"`);
  });
});
