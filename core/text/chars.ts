import { eastAsianWidth } from 'get-east-asian-width';

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** CJK punctuation and full-width forms that sit tight against Han text. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7\\u2236';

const HAN_RE = new RegExp(`[${HAN}]`);
export function isHan(ch: string): boolean {
  return HAN_RE.test(ch);
}

/**
 * Display width of a string as laid out on a Chinese page: wide and ambiguous characters
 * (Han, full-width punctuation, “” quotes) count 2, others 1.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      w += c === 9 ? 4 : 1;
      continue;
    }
    // fast paths for the common ranges: Han, CJK punctuation, full-width forms
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || (c >= 0x2018 && c <= 0x201d)) {
      w += 2;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += eastAsianWidth(cp, { ambiguousAsWide: true });
  }
  return w;
}

/** Sentence-final punctuation: a line ending in one of these can end a paragraph. */
const FINAL = new Set(['。', '！', '？', '；', '：', '…', '!', '?', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】']);

/** True when the text ends a sentence (ignoring closing quotes/brackets after the stop, and bold markers). */
export function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '*' || text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\n')) end--;
  let t = end === text.length ? text : text.slice(0, end);
  while (t.length > 0 && CLOSERS.has(t[t.length - 1])) {
    const before = t[t.length - 2];
    if (before !== undefined && FINAL.has(before)) return true;
    if (t[t.length - 1] === '）' || t[t.length - 1] === ')') return false;
    t = t.slice(0, -1);
  }
  return t.length > 0 && FINAL.has(t[t.length - 1]);
}
