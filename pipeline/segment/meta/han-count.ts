/**
 * Han characters counted by character code, with the answers of /\p{Script=Han}/u: the script's
 * ranges as Node's Unicode data has them (han-count.test.ts checks every code point against the
 * regex), read without a regex run or a match string per line.
 */
const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x3005, 0x3005], [0x3007, 0x3007], [0x3021, 0x3029], [0x3038, 0x303b],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfa6d], [0xfa70, 0xfad9],
  [0x16fe2, 0x16fe3], [0x16ff0, 0x16ff6], [0x20000, 0x2a6df], [0x2a700, 0x2b81d], [0x2b820, 0x2cead], [0x2ceb0, 0x2ebe0],
  [0x2ebf0, 0x2ee5d], [0x2f800, 0x2fa1d], [0x30000, 0x3134a], [0x31350, 0x33479],
];

/** True when the code point is of the Han script. */
export function isHanCodePoint(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // the common case first
  if (cp < 0x2e80) return false;
  for (const [lo, hi] of HAN_RANGES) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** Han characters (code points: a surrogate pair is one) in a string. */
export function hanCount(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (isHanCodePoint(((c - 0xd800) << 10) + (t.charCodeAt(i + 1) - 0xdc00) + 0x10000)) n++;
      i++;
    } else if (isHanCodePoint(c)) n++;
  }
  return n;
}
