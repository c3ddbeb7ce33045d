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

/** The BMP part of HAN_RANGES as bits (8 KB, built once): a character is looked up, not searched for among the ranges. */
const BMP_HAN = (() => {
  const bits = new Int32Array(0x10000 >>> 5);
  for (const [lo, hi] of HAN_RANGES) for (let c = lo; c <= Math.min(hi, 0xffff); c++) bits[c >>> 5] |= 1 << (c & 31);
  return bits;
})();

/** True when the code point is of the Han script. */
export function isHanCodePoint(cp: number): boolean {
  if (cp < 0x10000) return (BMP_HAN[cp >>> 5] & (1 << (cp & 31))) !== 0;
  for (const [lo, hi] of HAN_RANGES) {
    if (cp < lo) return false; // the ranges are in order
    if (cp <= hi) return true;
  }
  return false;
}

/** Han characters (code points) and ASCII letters (the [A-Za-z] of a regex) of a string, in one pass. */
export function letterCounts(t: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) latin++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (isHanCodePoint(((c - 0xd800) << 10) + (t.charCodeAt(i + 1) - 0xdc00) + 0x10000)) han++;
      i++;
    } else if (isHanCodePoint(c)) han++;
  }
  return { han, latin };
}
