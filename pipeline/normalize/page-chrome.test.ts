import { describe, expect, it } from 'vitest';
import { applyEdits, fromRaw } from '../../core/provenance/mapped-text.js';
import fc from 'fast-check';
import { isChromeLine, pageChromeEdits } from './page-chrome.js';
import type { Edit } from '../../core/provenance/mapped-text.js';

const kept = (s: string): string => applyEdits(fromRaw(s), pageChromeEdits(s)).text.text;

describe('pageChromeEdits', () => {
  it('removes breadcrumbs, the info line and share links above the article, keeping its title', () => {
    const page = '当前位置：首页 > 政务公开 > 规划计划\n湛河区“十四五”规划纲要\n发布时间：2021-05-10\u00a0\u00a0来源：湛河区发展和改革委员会\n分享到：微信 微博 QQ空间\n序言\n“十四五”时期是关键时期。\n';
    expect(kept(page)).toBe('\n湛河区“十四五”规划纲要\n\n\n序言\n“十四五”时期是关键时期。\n');
  });

  it('removes the footer lines below the article up to its last line of text (Gaoyang 2020 page, shared corpora)', () => {
    const tail = '全年地区生产总值增长7%左右。\n[打印本页] [关闭窗口]\n|\n网站地图\nCopyright\n©\n2007-2018 www.gaoyang.gov.cn All Rights Reserved 版权所有：高阳县人民政府\n主办：高阳县人民政府办公室 联系方式 0312-6699600\nICP备案号：\n冀ICP备05019657号-1\n网站标识码:1306280002\n公安机关备案号：13062802000047\n';
    expect(kept(tail)).toBe('全年地区生产总值增长7%左右。\n' + '\n'.repeat(11));
  });

  it('leaves chrome words inside the article, and an article that ends with a sentence, alone', () => {
    const text = '各位代表：\n来源：本报告数据来自统计局。\n一、工作回顾\n主办单位和承办单位要加强协作。\n';
    expect(pageChromeEdits(text)).toEqual([]);
  });
});

describe('pageChromeEdits by lines read from either end', () => {
  it('gives the edits of the plain split of all lines (seeded)', () => {
    const plain = (text: string): Edit[] => {
      const lines: Array<{ start: number; end: number; text: string }> = [];
      let start = 0;
      for (const line of text.split('\n')) {
        lines.push({ start, end: start + line.length, text: line });
        start += line.length + 1;
      }
      const edit = (l: { start: number; end: number }): Edit => ({ start: l.start, end: l.end, replacement: '', rule: 'furniture/page-chrome', kind: 'removal' });
      const edits: Edit[] = [];
      const content = lines.filter((l) => l.text.trim() !== '');
      for (const l of content) {
        if (isChromeLine(l.text, 'top')) edits.push(edit(l));
        else if (/[。！？]/.test(l.text) || l.text.trim().length > 60) break;
      }
      const fromBottom: Edit[] = [];
      for (let k = content.length - 1; k >= 0; k--) {
        if (edits.some((e) => e.start === content[k].start) || !isChromeLine(content[k].text, 'bottom')) break;
        fromBottom.push(edit(content[k]));
      }
      return [...edits, ...fromBottom.reverse()];
    };
    const piece = fc.constantFrom('当前位置：首页', '网站地图', '版权所有', '正文。', '\n', '\n\n', ' ', '分享到：微信', '湛河区规划', '|', '打印本页');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (xs) => {
        const text = xs.join('');
        expect(pageChromeEdits(text)).toEqual(plain(text));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });
});
