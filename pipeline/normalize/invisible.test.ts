import { describe, expect, it } from 'vitest';
import { invisibleEdits, isControlCode, isOddSpaceCode, isZeroWidthCode } from './invisible.js';

// the plain definitions the character tests stand for
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e]/;
const CONTROL = /[\u0000-\u0008\u000b\u000d-\u001f\u007f-\u009f]/;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** The edits as the three whole-text regexes found them, sorted as applyEdits sorts them. */
function byRegexes(text: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  for (const m of text.matchAll(new RegExp(`${ZERO_WIDTH.source}+`, 'g'))) out.push([m.index, m.index + m[0].length, 'invisible/zero-width']);
  for (const m of text.matchAll(new RegExp(`${CONTROL.source}+`, 'g'))) out.push([m.index, m.index + m[0].length, 'invisible/control']);
  for (const m of text.matchAll(new RegExp(SPACES.source, 'g'))) out.push([m.index, m.index + 1, 'invisible/space']);
  return out.sort((x, y) => x[0] - y[0]);
}

describe('invisibleEdits', () => {
  it('tests each character as the regex classes do', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isZeroWidthCode(c) !== ZERO_WIDTH.test(ch) || isControlCode(c) !== CONTROL.test(ch) || isOddSpaceCode(c) !== SPACES.test(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('finds the same runs as the regexes', () => {
    const text = '\ufeff湛河区\u200b\u200c政府\u0001\u0002工作\u00a0\u3000报告\u200b\u0007\t\f\n\u00ad第一章\u2003';
    const edits = invisibleEdits(text).map((e): [number, number, string] => [e.start, e.end, e.rule]).sort((x, y) => x[0] - y[0]);
    expect(edits).toEqual(byRegexes(text));
    expect(edits.length).toBe(9);
  });

  it('classifies every BMP code unit as the regexes do, alone and in runs', () => {
    let alone = '';
    for (let c = 0; c < 0x10000; c++) alone += `a${String.fromCharCode(c)}`;
    const edits = (text: string) => invisibleEdits(text).map((e): [number, number, string] => [e.start, e.end, e.rule]).sort((x, y) => x[0] - y[0]);
    expect(edits(alone)).toEqual(byRegexes(alone));
    const runs = '\u200b\u200c\u0001\u0002\u00a0\u3000\ufeff\u00ad\u007f';
    expect(edits(runs)).toEqual(byRegexes(runs));
  });
});
