import type { OcrRules } from '../../../schemas/ocr-rules.js';
import type { Division, Gazetteer } from '../../../core/gazetteer/index.js';
import { DIVISION_SUFFIXES } from '../../../core/gazetteer/index.js';
import type { Lexicon } from '../../../core/lexicon/lexicon.js';
import type { NameTarget } from './name-targets.js';

/** Words that begin with 区 but do not make X区 a district name (漯河区域 is "the 漯河 region"). */
const NOT_A_SUFFIX = ['区域', '区间', '区位', '区块', '区分', '区别', '区隔', '区划'];
/** Characters that close a short quoted phrase. */
const OPEN_QUOTES = '“‘「『"';
const CLOSE_QUOTES = '”’」』"';
/** Longest quoted phrase that counts as a slogan or a name (“五个湛河”, “湛河营商”). */
const MAX_QUOTED = 12;
const HAN = /^\p{Script=Han}+$/u;
/** Last characters of a river, lake or canal name. */
const WATER_CHARS = '河江湖溪渠川涧';
const LIST_SEPARATORS = '、，,和与及';

export interface NameWindow {
  /** the compact text */
  readonly text: string;
  /** start of the confusable form in the compact text */
  readonly at: number;
  /** the confusable form, e.g. 漯河 */
  readonly form: string;
}

const left = (w: NameWindow, n: number) => w.text.slice(Math.max(0, w.at - n), w.at);
const right = (w: NameWindow, n: number) => w.text.slice(w.at + w.form.length, w.at + w.form.length + n);

/** X区 / X新区 where X区 is no real division: the subject's own name with its suffix. */
export function suffixForm(w: NameWindow, t: NameTarget, g: Gazetteer): string | null {
  if (!t.suffix) return null;
  const r = right(w, 4);
  for (const suffix of [t.suffix, `新${t.suffix}`]) {
    if (!r.startsWith(suffix)) continue;
    if (NOT_A_SUFFIX.some((x) => r.startsWith(x))) return null;
    if (g.byName(w.form + suffix).length > 0) return null;
    return w.form + suffix;
  }
  return null;
}

/** A word from the lists standing right before or after the form. */
export function listedContext(w: NameWindow, lists: OcrRules['subjectContexts']): string | null {
  const b = left(w, 8);
  const a = right(w, 8);
  const before = lists.before.filter((x) => b.endsWith(x)).sort((x, y) => y.length - x.length)[0];
  if (before) return `${before}…`;
  const after = lists.after.filter((x) => a.startsWith(x)).sort((x, y) => y.length - x.length)[0];
  return after ? `…${after}` : null;
}

/** The form sits inside a short quoted phrase: “五个淮河”, “湛江营商”. */
export function quoted(w: NameWindow): boolean {
  const b = left(w, MAX_QUOTED);
  const a = right(w, MAX_QUOTED);
  const open = Math.max(...[...OPEN_QUOTES].map((q) => b.lastIndexOf(q)));
  const close = Math.min(...[...CLOSE_QUOTES].map((q) => (a.indexOf(q) < 0 ? Infinity : a.indexOf(q))));
  if (open < 0 || close === Infinity) return false;
  const inside = b.slice(open + 1) + w.form + a.slice(0, close);
  return inside.length <= MAX_QUOTED && ![...inside].some((c) => OPEN_QUOTES.includes(c) || CLOSE_QUOTES.includes(c) || '。；'.includes(c));
}

/** The two Han characters on each side, and how often they stand with the target elsewhere (健康湛河, 湛河春天). */
export function sharedContexts(w: NameWindow, stem: string, count: (s: string) => number): string[] {
  const out: string[] = [];
  const b = left(w, 2);
  const a = right(w, 2);
  if (b.length === 2 && HAN.test(b) && count(b + stem) > 0) out.push(b + stem);
  if (a.length === 2 && HAN.test(a) && count(stem + a) > 0) out.push(stem + a);
  return out;
}

/** A river name in a river context: 湛河全流域, 湛河卫东区段 (the section in the subject's area). */
export function waterContext(w: NameWindow, t: NameTarget, subjectName: string, lists: OcrRules['waterContexts']): string | null {
  if (!WATER_CHARS.includes(t.stem.slice(-1))) return null;
  let a = right(w, 10);
  if (a.startsWith(subjectName)) a = a.slice(subjectName.length);
  const after = lists.after.find((x) => a.startsWith(x));
  if (after) return `…${after}`;
  const b = left(w, 6);
  const before = lists.before.find((x) => b.endsWith(x) && x.length >= 2);
  return before ? `${before}…` : null;
}

/** The form plus a division suffix is a real division other than the target: 漯河市. */
export function realDivision(w: NameWindow, t: NameTarget, g: Gazetteer): Division | null {
  const a = right(w, 6);
  for (const suffix of DIVISION_SUFFIXES) {
    if (!a.startsWith(suffix)) continue;
    const d = g.byName(w.form + suffix).find((x) => x.code !== t.division?.code);
    if (d) return d;
  }
  return null;
}

const cityOrProvince = (name: string, g: Gazetteer) => g.lookup(name).some((d) => d.level !== 'county');

/** The form stands in a list of cities: 平顶山、漯河、周口. */
export function listOfPlaces(w: NameWindow, g: Gazetteer): string | null {
  const b = left(w, 9);
  const a = right(w, 9);
  if (b.length > 0 && LIST_SEPARATORS.includes(b.slice(-1))) {
    const rest = b.slice(0, -1);
    for (let n = Math.min(8, rest.length); n >= 2; n--) if (cityOrProvince(rest.slice(-n), g)) return rest.slice(-n);
  }
  if (a.length > 0 && LIST_SEPARATORS.includes(a[0])) {
    const rest = a.slice(1);
    for (let n = Math.min(8, rest.length); n >= 2; n--) if (cityOrProvince(rest.slice(0, n), g)) return rest.slice(0, n);
  }
  return null;
}

/** A word from the place lists right before or after: 与漯河, 漯河的. */
export function placeContext(w: NameWindow, lists: OcrRules['placeContexts']): string | null {
  const b = left(w, 6);
  const a = right(w, 6);
  const before = lists.before.filter((x) => b.endsWith(x)).sort((x, y) => y.length - x.length)[0];
  if (before) return `${before}…`;
  const after = lists.after.filter((x) => a.startsWith(x)).sort((x, y) => y.length - x.length)[0];
  return after ? `…${after}` : null;
}

/** The form is part of a longer dictionary word: 淮河路, 淮河流域, 湛江港 (a genuine compound). */
export function dictionaryCompound(w: NameWindow, lexicon: Lexicon): string | null {
  const a = right(w, 3);
  const b = left(w, 3);
  for (let n = 3; n >= 1; n--) {
    if (a.length >= n && HAN.test(a.slice(0, n)) && lexicon.has(w.form + a.slice(0, n))) return w.form + a.slice(0, n);
    if (b.length >= n && HAN.test(b.slice(-n)) && lexicon.has(b.slice(-n) + w.form)) return b.slice(-n) + w.form;
  }
  return null;
}
