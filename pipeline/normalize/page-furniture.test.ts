import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findFurniture, mayBeFurniture, nextToFurniture, trimMarks, type FurnitureLine } from './page-furniture.js';
import type { TextLine } from './lines.js';

const kinds = (text: string) => findFurniture(text).map((f) => [f.line.text.trim(), f.kind, f.page]);

describe('page furniture', () => {
  it('finds page-number lines in the forms printed on Chinese documents', () => {
    expect(kinds('行道机扫率达到 100%。\n\n\n\n— 6 —\n\n严格对照创卫标准')).toEqual([['— 6 —', 'page-number', 6]]);
    expect(kinds('a\n- 3 -\nb\n第3页\nc\n·12·\nd\n第 4 页 共 20 页\n')).toEqual([
      ['- 3 -', 'page-number', 3],
      ['第3页', 'page-number', 3],
      ['·12·', 'page-number', 12],
      ['第 4 页 共 20 页', 'page-number', 4],
    ]);
  });

  it('takes N/M lines as page numbers only as a series', () => {
    expect(kinds('完成率达到\n25/30\n其余工作继续。')).toEqual([]);
    expect(kinds('a\n3/20\nb\n4/20\nc')).toEqual([['3/20', 'page-number', 3], ['4/20', 'page-number', 4]]);
  });

  it('does not take a table row with dashes for a page number (000, raw line 406)', () => {
    expect(kinds('10 人均绿地面积（平方米） — 20 — 29.37 约束性\n')).toEqual([]);
    expect(kinds('11 每千人口拥有职业（助理）医师数（人） —— 3 —— 预期性')).toEqual([]);
  });

  it('takes a line holding only zero-width marks or a form feed as a page break (2021 national report)', () => {
    expect(kinds('在以习\n\u200b\n民满意')).toEqual([['\u200b', 'page-break', null]]);
    expect(kinds('a\n\f\nb')).toEqual([['', 'page-break', null]]);
  });

  it('removes a running header repeated next to page numbers, but not repeated table headers', () => {
    const page = (n: number) => `湛河区“十四五”规划纲要\n正文第${n}页的第一行，写满一整行的文字。\n第二行。\n第${n}页第三行。\n— ${n} —\n`;
    const found = findFurniture([1, 2, 3, 4].map(page).join('\n'));
    expect(found.filter((f) => f.kind === 'running-header').map((f) => f.line.text)).toEqual(Array(4).fill('湛河区“十四五”规划纲要'));
    // table headers repeat too, but away from page boundaries
    const tableHeaders = '2020 年\n\n基数\n\n2020 年\n\n目标\n\n2020 年\n\n完成值\n\n— 5 —\n\n正文\n\n2020 年\n\n';
    expect(findFurniture(tableHeaders).filter((f) => f.kind === 'running-header')).toEqual([]);
  });
});

describe('nextToFurniture', () => {
  it('finds the lines the plain scan of every line finds (seeded)', () => {
    const kinds = ['page-number', 'page-break', 'running-header'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -1, max: 2 })), { maxLength: 30 }), (spec) => {
        const lines: TextLine[] = spec.map(([blank], index) => ({ index, start: 0, end: 0, text: blank ? '' : `l${index}` }));
        const found = new Map<number, FurnitureLine>();
        spec.forEach(([, kind], index) => kind >= 0 && found.set(index, { line: lines[index], kind: kinds[kind], page: null }));
        const nonBlank = lines.filter((l) => l.text !== '');
        const position = new Int32Array(lines.length).fill(-1);
        nonBlank.forEach((l, i) => (position[l.index] = i));
        const plain = nonBlank.filter((l) => {
          if (found.has(l.index)) return false;
          const i = position[l.index];
          for (const k of [i - 1, i + 1]) if (k >= 0 && k < nonBlank.length && found.has(nonBlank[k].index)) return true;
          for (let j = l.index - 3; j <= l.index + 3; j++) if (j !== l.index && found.get(j)?.kind === 'page-break') return true;
          return false;
        });
        const near = new Set(nextToFurniture(found, nonBlank, position).map((l) => l.index));
        expect([...near].sort((a, b) => a - b)).toEqual(plain.map((l) => l.index));
      }),
      { seed: 20261130, numRuns: 1000 },
    );
  });
});

describe('mayBeFurniture', () => {
  it('is its regex for every BMP character after blank and zero-width leads', () => {
    const re = /^[\s\f\u200b-\u200d\u2060\ufeff]*(?:$|[-—–－~～·•第0-9０-９Pp])/;
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      for (const lead of ['', ' \f', '\u200b\u2060\ufeff\u3000']) {
        const text = `${lead}${String.fromCharCode(c)}页`;
        if (mayBeFurniture(text) !== re.test(text)) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
    for (const text of ['', ' ', '\u200b\f']) expect(mayBeFurniture(text)).toBe(re.test(text));
  });
});

describe('trimMarks', () => {
  it('cuts what the regex cuts (seeded)', () => {
    const piece = fc.constantFrom(' ', '\f', '\t', '\u200b', '\u200d', '\u2060', '\ufeff', '\u3000', '—', '6', '第', '页', '\u200e');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (xs) => {
        const text = xs.join('');
        expect(trimMarks(text)).toBe(text.replace(/^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g, ''));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });
});
