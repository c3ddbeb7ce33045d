import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from './line-index.js';

describe('LineIndex', () => {
  it('gives 1-based lines and 0-based UTF-16 columns, across LF, CRLF and CR', () => {
    const idx = new LineIndex('序 言\r\n《湛河区\n\n第一章\r表 1');
    expect(idx.toPoint(0)).toEqual({ line: 1, column: 0 });
    expect(idx.toPoint(5)).toEqual({ line: 2, column: 0 });
    expect(idx.lineText(2)).toBe('《湛河区');
    expect(idx.lineText(4)).toBe('第一章');
    expect(idx.lineText(5)).toBe('表 1');
    expect(idx.span(5, 9)).toEqual({ line: 2, column: 0, endLine: 2, endColumn: 4, offset: 5, endOffset: 9 });
  });

  it('round-trips toOffset(toPoint(o)) === o (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '湛', '\n', '\r\n', '\r', ' ', '𠀀'), { maxLength: 40 }).map((xs) => xs.join('')), fc.nat(), (text, n) => {
        const idx = new LineIndex(text);
        const o = n % (text.length + 1);
        // offsets inside a CRLF pair have no point of their own
        if (text[o - 1] === '\r' && text[o] === '\n') return;
        expect(idx.toOffset(idx.toPoint(o))).toBe(o);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('rejects offsets and points outside the text', () => {
    const idx = new LineIndex('ab\ncd');
    expect(() => idx.toPoint(9)).toThrow(RangeError);
    expect(() => idx.toOffset({ line: 3, column: 0 })).toThrow(RangeError);
    expect(() => idx.toOffset({ line: 1, column: 5 })).toThrow(RangeError);
  });
});
