/**
 * Word's generated list numbering (the numbering part, word/numbering.xml): the text Word shows in
 * front of a numbered paragraph ("一、", "（二）", "3."), which is not in the paragraph's runs.
 */

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CN_DIGITS[d]) + unit;
  });
  return out;
}

const roman = (n: number): string => {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
};

const letters = (n: number): string => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** One number in a Word numFmt; null for bullets and formats that print no number. */
export function formatNumber(n: number, numFmt: string): string | null {
  switch (numFmt) {
    case 'decimal':
    case 'decimalZero':
      return numFmt === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'none':
    case 'bullet':
      return null;
    default:
      return String(n);
  }
}

export interface NumberingLevel {
  start: number;
  numFmt: string;
  /** "%1、": %k stands for level k's number */
  lvlText: string;
  /** what Word puts between the label and the text (w:suff; tab when absent) */
  suff: 'tab' | 'space' | 'nothing';
}

/**
 * The separator written after a label: a space for w:suff space, and for a tab after a label that
 * does not end in punctuation (第一章 → "第一章 标题", but "一、标题", "1.标题").
 */
function separator(label: string, suff: NumberingLevel['suff']): string {
  if (suff === 'space') return ' ';
  if (suff === 'nothing') return '';
  return /[、，．.）)：:]$/.test(label) ? '' : ' ';
}

/** Numbering definitions by numId: each level's format, with lvlOverride/startOverride applied. */
export interface NumberingDefinitions {
  /** numId → abstract numbering id (counters are shared per abstract list) and levels by ilvl */
  nums: Map<string, { abstractId: string; levels: Map<number, NumberingLevel> }>;
}

/**
 * Counts list items in document order and renders each one's label. Levels below a numbered
 * level restart when it advances (Word's default lvlRestart).
 */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  constructor(private readonly defs: NumberingDefinitions) {}

  /** The label of the next item of list numId at level ilvl ("一、"), or null for bullets / unknown lists. */
  next(numId: string, ilvl: number): string | null {
    const num = this.defs.nums.get(numId);
    const level = num?.levels.get(ilvl);
    if (!num || !level) return null;
    const counts = this.counters.get(num.abstractId) ?? [];
    for (let k = 0; k < ilvl; k++) counts[k] ??= (num.levels.get(k)?.start ?? 1) - 1;
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    this.counters.set(num.abstractId, counts);
    if (formatNumber(1, level.numFmt) === null) return null;
    const label = level.lvlText.replace(/%(\d)/g, (_, k: string) => {
      const lvl = Number(k) - 1;
      const fmt = num.levels.get(lvl)?.numFmt ?? 'decimal';
      return formatNumber(Math.max(1, counts[lvl] ?? 1), fmt) ?? '';
    });
    return label === '' ? null : label + separator(label, level.suff);
  }
}
