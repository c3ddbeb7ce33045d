/**
 * Han characters (and ASCII letters) counted by character code, with the answers of /\p{Script=Han}/u: the script's
 * ranges as Node's Unicode data has them (letter-counts.test.ts checks every code point against the
 * regex), read without a regex run or a match string per line.
 */
const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x3005, 0x3005], [0x3007, 0x3007], [0x3021, 0x3029], [0x3038, 0x303b],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfa6d], [0xfa70, 0xfad9],
  [0x16fe2, 0x16fe3], [0x16ff0, 0x16ff6], [0x20000, 0x2a6df], [0x2a700, 0x2b81d], [0x2b820, 0x2cead], [0x2ceb0, 0x2ebe0],
  [0x2ebf0, 0x2ee5d], [0x2f800, 0x2fa1d], [0x30000, 0x3134a], [0x31350, 0x33479],
];

/** What a UTF-16 code unit is, as bits of one byte per unit (64 KB, built once). */
const HAN = 1;
const LATIN = 2; // [A-Za-z]
const HIGH_SURROGATE = 4; // the first half of a pair: the code point is decided with the next unit

const UNIT_KIND = (() => {
  const kind = new Uint8Array(0x10000);
  for (const [lo, hi] of HAN_RANGES) kind.fill(HAN, lo, Math.min(hi, 0xffff) + 1);
  kind.fill(LATIN, 0x41, 0x5b);
  kind.fill(LATIN, 0x61, 0x7b);
  kind.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
  return kind;
})();

/** True when the code point is of the Han script. */
export function isHanCodePoint(cp: number): boolean {
  if (cp < 0x10000) return UNIT_KIND[cp] === HAN;
  for (const [lo, hi] of HAN_RANGES) {
    if (cp < lo) return false; // the ranges are in order
    if (cp <= hi) return true;
  }
  return false;
}

/**
 * Han characters (code points) and ASCII letters (the [A-Za-z] of a regex) of a string, in one pass.
 * The common case, no surrogate, is counted without a branch per character (half the time of one
 * branch per kind: mixed Han and ASCII text defeats branch prediction); a string with a high
 * surrogate is counted again code point by code point.
 */
export function letterCounts(t: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  let surrogates = 0;
  for (let i = 0; i < t.length; i++) {
    const k = UNIT_KIND[t.charCodeAt(i)];
    han += k & HAN;
    latin += (k & LATIN) >> 1;
    surrogates |= k & HIGH_SURROGATE;
  }
  return surrogates === 0 ? { han, latin } : countByCodePoint(t);
}

function countByCodePoint(t: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (isHanCodePoint(((c - 0xd800) << 10) + (t.charCodeAt(i + 1) - 0xdc00) + 0x10000)) han++;
      i++;
    } else {
      const k = UNIT_KIND[c];
      han += k & HAN;
      latin += (k & LATIN) >> 1;
    }
  }
  return { han, latin };
}
