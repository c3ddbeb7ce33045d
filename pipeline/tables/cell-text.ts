/**
 * Text clean-up for table cells: PDF extraction puts spaces and line breaks inside words
 * (`2015 年`, `完成市定 目标`, `按下达目标确` / `定`); these helpers undo that for the
 * derived fields while every cell keeps its printed `raw` text.
 */

const SUBSCRIPT_DIGITS = /[₀-₉]/g;
const SUPERSCRIPT_DIGITS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** `_{2.5}` / `^{3}` markup and sub/superscript digits as plain text (PM _{2.5} → PM2.5, PM ₁₀ → PM10). */
export function plainScripts(s: string): string {
  return s
    .replace(/\s*[_^]\{([^{}]*)\}\s*/g, (_m, inner: string) => inner.trim())
    .replace(/\s*([₀-₉]+(?:[.．][₀-₉]+)?)\s*/g, (_m, d: string) =>
      d.replace(SUBSCRIPT_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0x2080 + 48)).replace('．', '.'),
    )
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPERSCRIPT_DIGITS[c] ?? c);
}

const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z.,:;/%+\-]/.test(ch);

/**
 * Whitespace as Chinese typography wants it: removed wherever it touches a non-ASCII
 * character (CJK text, full-width punctuation), kept as one space between ASCII words.
 */
export function compactText(s: string): string {
  const t = s.trim();
  return t.replace(/\s+/g, (_m, ...args: unknown[]) => {
    const offset = args[args.length - 2] as number;
    const before = t[offset - 1];
    const after = t[offset + _m.length];
    return isAsciiWord(before) && isAsciiWord(after) ? ' ' : '';
  });
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
