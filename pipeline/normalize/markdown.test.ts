import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import { DocContext } from '../../core/context.js';
import { frontMatter, markdownEdits, removeMarkdownSyntax } from './markdown.js';

const stripped = (s: string): string => applyEdits(fromRaw(s), markdownEdits(s)).text.text;

describe('markdownEdits', () => {
  it('removes heading and quote marks and link targets, keeping the words', () => {
    expect(stripped('# 《上海市长宁区国民经济和社会发展第十五个五年规划纲要》\n\n> 以[官方链接](https://www.shanghai.gov.cn/zhengce/detail?id=1)发布版本为准。\n> 依《著作权法》第五条。\n\n## 一、发展新阶段新起点 ##\n')).toBe(
      '《上海市长宁区国民经济和社会发展第十五个五年规划纲要》\n\n以官方链接发布版本为准。\n依《著作权法》第五条。\n\n一、发展新阶段新起点\n',
    );
  });

  it('turns a pipe table into tab-separated rows and removes its delimiter row', () => {
    const table = '| 序号 | 指标名称 | 单位 | 属性 | “十五五”目标 |\n|---|:---|---|---|---:|\n| 1 | 地区生产总值年均增速 | % | 预期性 | 与全市经济增速保持同步 |\n| 3 | 全员劳动生产率 | 万元/人 | 预期性 | 55左右 |\n';
    expect(stripped(`长宁区主要指标\n\n${table}\n正文。`).split('\n')).toEqual([
      '长宁区主要指标',
      '',
      '序号\t指标名称\t单位\t属性\t“十五五”目标',
      '1\t地区生产总值年均增速\t%\t预期性\t与全市经济增速保持同步',
      '3\t全员劳动生产率\t万元/人\t预期性\t55左右',
      '',
      '正文。',
    ]);
  });

  it('leaves plain paragraphs, numbered headings and **bold** (the markup step reads it) alone', () => {
    const plain = '一、发展新阶段新起点\n\n(一)发展基础\n\n1.经济实力跨步提升。**地区生产总值**年均增速位居全市首位。\n';
    expect(stripped(plain)).toBe(plain);
  });
});

describe('front matter', () => {
  const FM = '---\n标题: 《上海市长宁区国民经济和社会发展第十五个五年规划纲要》\n文号: -\n发布单位: 上海市长宁区发展和改革委员会\n官方链接: https://www.shanghai.gov.cn/zhengce/detail?businessId=007480816&siteId=0074\n---\n\n# 正文\n';

  it('reads the fields, also when the collector wrote YAML that does not parse ("文号: -")', () => {
    expect(frontMatter(FM)?.fields).toEqual({
      标题: '《上海市长宁区国民经济和社会发展第十五个五年规划纲要》',
      文号: '-',
      发布单位: '上海市长宁区发展和改革委员会',
      官方链接: 'https://www.shanghai.gov.cn/zhengce/detail?businessId=007480816&siteId=0074',
    });
    expect(frontMatter('---\ntitle: 长宁区规划\ndate: 2026-01-20\n---\n')?.fields).toEqual({ title: '长宁区规划', date: '2026-01-20' });
    expect(frontMatter('正文\n---\n')).toBeNull();
  });

  it('is removed from a .md input as a logged removal, its fields reported as evidence at their raw position', () => {
    const doc = new DocContext('changning.md', FM);
    const out = removeMarkdownSyntax(fromRaw(FM), doc);
    expect(out.text).toBe('\n正文\n');
    expect(doc.removals.map((r) => r.rule)).toEqual(['markup/front-matter', 'markup/heading']);
    const title = doc.diagnostics.find((d) => d.expected === '标题')!;
    expect(FM.slice(title.source!.offset, title.source!.endOffset)).toBe('《上海市长宁区国民经济和社会发展第十五个五年规划纲要》');
    // a .txt input is not read as Markdown
    expect(removeMarkdownSyntax(fromRaw(FM), new DocContext('report.txt', FM)).text).toBe(FM);
  });
});
