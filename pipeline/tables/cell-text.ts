/**
 * Text clean-up for table cells: PDF extraction puts spaces and line breaks inside words
 * (`2015 年`, `完成市定 目标`, `按下达目标确` / `定`); these helpers undo that for the
 * derived fields while every cell keeps its printed `raw` text.
 */

import { isSpaceCode } from '../../core/text/chars.js';

const SUBSCRIPT_DIGITS = /[₀-₉]/g;
const SUPERSCRIPT_DIGITS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** What each rewrite of plainScripts needs to find: a _ or ^ of markup, a sub- or superscript digit. */
const SCRIPT_MARK = /[_^₀-₉⁰¹²³⁴⁵⁶⁷⁸⁹]/;

/** `_{2.5}` / `^{3}` markup and sub/superscript digits as plain text (PM _{2.5} → PM2.5, PM ₁₀ → PM10). */
export function plainScripts(s: string): string {
  if (!SCRIPT_MARK.test(s)) return s;
  return s
    .replace(/\s*[_^]\{([^{}]*)\}\s*/g, (_m, inner: string) => inner.trim())
    .replace(/\s*([₀-₉]+(?:[.．][₀-₉]+)?)\s*/g, (_m, d: string) =>
      d.replace(SUBSCRIPT_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0x2080 + 48)).replace('．', '.'),
    )
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPERSCRIPT_DIGITS[c] ?? c);
}

const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z.,:;/%+\-]/.test(ch);

/** The characters of isAsciiWord, by UTF-16 code. */
const ASCII_WORD = ((): Uint8Array => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isAsciiWord(String.fromCharCode(c))) t[c] = 1;
  return t;
})();
const isAsciiWordCode = (c: number): boolean => c < 128 && ASCII_WORD[c] === 1;

/**
 * Whitespace as Chinese typography wants it: removed wherever it touches a non-ASCII
 * character (CJK text, full-width punctuation), kept as one space between ASCII words.
 * One pass by character code; a text without inner whitespace comes back as it is.
 */
export function compactText(s: string): string {
  const t = s.trim();
  let out = '';
  let from = 0; // start of the text not yet copied
  for (let i = 0; i < t.length; i++) {
    if (!isSpaceCode(t.charCodeAt(i))) continue;
    let j = i + 1;
    while (isSpaceCode(t.charCodeAt(j))) j++; // a trimmed text ends in no whitespace
    out += t.slice(from, i) + (isAsciiWordCode(t.charCodeAt(i - 1)) && isAsciiWordCode(t.charCodeAt(j)) ? ' ' : '');
    from = j;
    i = j;
  }
  return from === 0 ? t : out + t.slice(from);
}

/** Join fragments of a cell broken over lines: nothing between CJK characters, one space between ASCII words. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (t === '') continue;
    out = out === '' ? t : isAsciiWord(out[out.length - 1]) && isAsciiWord(t[0]) ? `${out} ${t}` : out + t;
  }
  return out;
}
