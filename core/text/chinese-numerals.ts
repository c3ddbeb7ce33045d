const DIGITS: Record<string, number> = {
  〇: 0, '○': 0, 'Ｏ': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * Parse a Chinese numeral (一…九十九, 百/千 too, 〇/○/零, 两; ○ U+25CB is printed for 〇 in older texts) or a run of half-/full-width digits.
 * Returns null when the text is not a numeral.
 */
export function parseNumeral(text: string): number | null {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  if (t.length === 0 || !/^[〇○Ｏ零一二两三四五六七八九十百千]+$/.test(t)) return null;
  // digit-by-digit form (二〇三五)
  if (!/[十百千]/.test(t)) {
    let n = 0;
    for (const ch of t) n = n * 10 + DIGITS[ch];
    return n;
  }
  let total = 0;
  let current = 0;
  for (const ch of t) {
    if (ch in DIGITS) {
      current = DIGITS[ch];
    } else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    }
  }
  return total + current;
}
