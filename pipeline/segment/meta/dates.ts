import { parseNumeral } from '../../../core/text/chinese-numerals.js';
import { hitAt, type Hit, type TextLine } from './hit.js';

/** Dashes that open a date line (——2021年…, ――2021年… with U+2015, ‐, －, and doubled). */
export const DASHES = '—―‐‑‒–－─━-';
const DASH = `[${DASHES}]`;
const CN_DIGIT = '[〇○Ｏ零一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
/** 2021年2月5日 (spaces allowed) or 二〇二一年一月二十八日 */
export const DATE = `(?:(\\d(?: ?\\d){3})\\s*年\\s*(\\d(?: ?\\d)?)\\s*月\\s*(\\d(?: ?\\d)?)\\s*日|(${CN_DIGIT}{4})\\s*年\\s*(${CN_SMALL})\\s*月\\s*(${CN_SMALL})\\s*日)`;

export interface DateValue {
  date: string;
  year: number;
}

/** The date of a DATE match's groups, or null when it is not a calendar date. */
function dateOfGroups(g: readonly (string | undefined)[]): DateValue | null {
  const [y, mo, d] = g[0] !== undefined ? [Number(g[0].replace(/ /g, '')), Number((g[1] ?? '').replace(/ /g, '')), Number((g[2] ?? '').replace(/ /g, ''))] : [parseNumeral(g[3] ?? ''), parseNumeral(g[4] ?? ''), parseNumeral(g[5] ?? '')];
  if (y === null || mo === null || d === null || y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, year: y };
}

/** A whole date expression in a string (first one), e.g. for 2021年2月5日 or 二〇二一年一月二十八日. */
export function parseDate(text: string): DateValue | null {
  const m = new RegExp(DATE).exec(text);
  return m ? dateOfGroups(m.slice(1)) : null;
}

/**
 * The forms a document states its own date in:
 * - date-line: a line that opens with the date, after dashes or a bracket: ——2021年3月2日在…会议上,
 *   ――2022年1月23日在…, （2021年2月5日在…）, or a bare date line (2021年2月21日);
 * - title-date: a title followed by dashes and the date (政府工作报告——2010年1月26日在…会议上).
 * A date inside running prose is not the document's date.
 */
const DATE_LINE = new RegExp(`^\\s*(?:${DASH}{1,4}\\s*|[（(]\\s*)?${DATE}\\s*(?:在[^。；]{0,60}?(?:会议|大会)上?[^。；]{0,24}|(?:通过|发布|印发))?\\s*[）)]?\\s*$`);
/** （2001年2月16日云南省第九届人民代表大会第四次会议通过）, the bracket possibly closed on a later line */
const BRACKET_DATE = new RegExp(`^\\s*[（(]\\s*${DATE}[^）)。；]{0,60}(?:[）)]\\s*)?$`);
const TITLE_DATE = new RegExp(`^[^。；，]{2,60}?${DASH}{1,4}\\s*${DATE}\\s*在[^。；]{0,60}?(?:会议|大会)上?\\s*$`);

export function dateLineOf(line: TextLine): Hit<DateValue> | null {
  for (const [re, rule] of [[DATE_LINE, 'date-line'], [BRACKET_DATE, 'date-line'], [TITLE_DATE, 'title-date']] as const) {
    const m = re.exec(line.text);
    if (!m) continue;
    const value = dateOfGroups(m.slice(1));
    if (value) return hitAt(line, m, value, rule);
  }
  return null;
}
