import { eastAsianWidth } from 'get-east-asian-width';

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** CJK punctuation and full-width forms that sit tight against Han text. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7\\u2236';

const HAN_RE = new RegExp(`[${HAN}]`);
export function isHan(ch: string): boolean {
  return HAN_RE.test(ch);
}

/** The character codes of a string's characters, for tests of one character by code. */
export function charCodes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((ch) => ch.charCodeAt(0)));
}

/** A value per BMP code unit from `classify`, tabled on first use: one lookup per character afterwards. */
export function codeTable(classify: (c: number) => number): () => Uint8Array {
  let table: Uint8Array | null = null;
  return () => {
    if (table) return table;
    const made = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) made[c] = classify(c);
    return (table = made);
  };
}

/** JavaScript's \s (Unicode White_Space plus U+FEFF; also what String.prototype.trim strips), by code. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A code unit of HAN or CJK_PUNCT (the class [${HAN}${CJK_PUNCT}]), tested by code. */
export function isCjkCode(c: number): boolean {
  if (c < 0x2014) return c === 0xb7;
  if (c <= 0x2236) return c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x2026 || c === 0x2236;
  if (c < 0x3000) return false;
  if (c <= 0x303f) return true;
  if (c < 0x3400) return false;
  if (c <= 0x9fff) return c <= 0x4dbf || c >= 0x4e00;
  if (c < 0xf900) return false;
  if (c <= 0xfaff) return true;
  return (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65);
}

/**
 * Display width of one BMP code unit that is not a surrogate, as laid out on a Chinese page: wide and
 * ambiguous characters (Han, full-width punctuation, “” quotes) count 2, a tab 4, others 1.
 */
function codeUnitWidth(c: number): number {
  if (c < 0x80) return c === 9 ? 4 : 1;
  // the common ranges: Han, CJK punctuation, full-width forms
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || (c >= 0x2018 && c <= 0x201d)) return 2;
  return eastAsianWidth(c, { ambiguousAsWide: true });
}

const isSurrogateCode = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** codeUnitWidth of every BMP code unit, 0 for surrogates (measured as pairs, by code point). */
const widthTable = codeTable((c) => (isSurrogateCode(c) ? 0 : codeUnitWidth(c)));

/**
 * Display width of a string as laid out on a Chinese page: wide and ambiguous characters
 * (Han, full-width punctuation, “” quotes) count 2, others 1. `from`/`to` measure a range of a longer
 * text without cutting it out. One table lookup per BMP character.
 */
export function displayWidth(s: string, from = 0, to = s.length): number {
  const table = widthTable();
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const t = table[c];
    if (t !== 0) {
      w += t;
      continue;
    }
    // a pair cut by the end of the range counts as its lone first half, as in s.slice(from, to)
    const cp = i + 1 < to ? s.codePointAt(i)! : c;
    if (cp > 0xffff) i++;
    w += eastAsianWidth(cp, { ambiguousAsWide: true });
  }
  return w;
}

/** Sentence-final punctuation: a line ending in one of these can end a paragraph (。！？；：…!?;). */
function isFinalCode(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0xff1a || c === 0x2026 || c === 0x21 || c === 0x3f || c === 0x3b;
}
/** Closing quotes and brackets that may follow the stop (”’」』）)》】). */
function isCloserCode(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29 || c === 0x300b || c === 0x3011;
}

/**
 * True when the text ends a sentence (ignoring closing quotes/brackets after the stop, and bold markers).
 * By character code from the end, without cutting the text.
 */
export function endsSentence(text: string): boolean {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 0x2a || c === 0x20 || c === 0x09 || c === 0x0a; c = text.charCodeAt(end - 1)) end--;
  // closers from the end: a stop right before one ends the sentence; a closing parenthesis without one does not
  while (end > 0 && isCloserCode(text.charCodeAt(end - 1))) {
    if (end >= 2 && isFinalCode(text.charCodeAt(end - 2))) return true;
    const c = text.charCodeAt(end - 1);
    if (c === 0xff09 || c === 0x29) return false;
    end--;
  }
  return end > 0 && isFinalCode(text.charCodeAt(end - 1));
}
