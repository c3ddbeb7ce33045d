const DIGITS: Record<string, number> = {
  〇: 0, '○': 0, 'Ｏ': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** The same tables by character code (every numeral character is one UTF-16 unit). */
const byCode = (table: Record<string, number>): ReadonlyMap<number, number> => new Map(Object.entries(table).map(([ch, v]) => [ch.charCodeAt(0), v]));
const DIGIT_CODES = byCode(DIGITS);
const UNIT_CODES = byCode(UNITS);

/** Half-width digits for full-width ones (０-９), the text unchanged when it has none. */
function halfWidthDigits(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return t.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  }
  return t;
}

/** /^\d+$/ by code. */
function isDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * Parse a Chinese numeral (一…九十九, 百/千 too, 〇/○/零, 两; ○ U+25CB is printed for 〇 in older texts) or a run of half-/full-width digits.
 * Returns null when the text is not a numeral. Characters are looked up by code.
 */
export function parseNumeral(text: string): number | null {
  const t = halfWidthDigits(text.trim());
  if (isDigits(t)) return Number(t);
  if (t.length === 0) return null;
  // only numeral characters (/^[〇○Ｏ零一二两三四五六七八九十百千]+$/), and whether a unit is among them
  let units = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (UNIT_CODES.has(c)) units = true;
    else if (!DIGIT_CODES.has(c)) return null;
  }
  let total = 0;
  let current = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const digit = DIGIT_CODES.get(c);
    if (!units) current = current * 10 + digit!; // digit-by-digit form (二〇三五)
    else if (digit !== undefined) current = digit;
    else {
      total += (current === 0 ? 1 : current) * UNIT_CODES.get(c)!;
      current = 0;
    }
  }
  return total + current;
}
