import { describe, expect, it } from 'vitest';
import { longestWordEndingAt, stickyMatchWithin } from './text-at.js';

describe('reads in place give what the anchored regex gives on the slice', () => {
  const words = ['达', '达到', '达到了', '为', '平均为', '超过', '不超过'];
  const ending = new RegExp(`(?:${words.join('|')})$`, 'u');
  it.each([
    ['GDP达到了', 0, 6],
    ['GDP平均为', 0, 6],
    ['平均为', 0, 3],
    ['平均为', 2, 3],
    ['不超过', 1, 3],
    ['x不超过y', 0, 4],
    ['增长', 0, 2],
  ])('longestWordEndingAt(%s, %i, %i)', (text, from, end) => {
    const m = ending.exec(text.slice(from, end));
    expect(longestWordEndingAt(text, words, from, end)).toBe(m ? m[0] : null);
  });

  const body = String.raw`\s*(左右|以上|以内|以下|及以上)|\d{4}\s*年(?:底|末)?`;
  const anchored = new RegExp(`^(?:${body})`, 'u');
  const sticky = new RegExp(body, 'uy');
  it.each([
    ['亿元 以上，', 2, 6],
    ['亿元 以上，', 2, 4],
    ['2020年底', 0, 6],
    ['2020年底', 0, 5],
    ['2020 年', 0, 5],
    ['增长', 0, 2],
  ])('stickyMatchWithin(%s, %i, %i)', (text, at, end) => {
    const m = anchored.exec(text.slice(at, end));
    const r = stickyMatchWithin(sticky, text, at, end);
    expect(r && [...r]).toEqual(m && [...m]);
  });
});
