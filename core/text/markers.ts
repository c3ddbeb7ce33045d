import type { HeadingKind } from '../../schemas/document.js';
import { parseNumeral } from './chinese-numerals.js';
import { charCodes } from './chars.js';

const CN = '[〇零一二两三四五六七八九十百]';
const NUM = `(?:${CN}+|\\d{1,3})`;

export interface MarkerMatch {
  kind: HeadingKind;
  /** the marker as printed, e.g. 第一章, 一、, （一） */
  marker: string;
  ordinal: number | null;
  /** text after the marker (and the spaces after it) */
  rest: string;
  /** length of marker plus following spaces in the input */
  length: number;
}

const ORDINAL = charCodes('第');
const CN_DIGIT = charCodes('〇零一二两三四五六七八九十百');
const PAREN = charCodes('（(');
const DIGIT = charCodes('0123456789');

/** Each pattern with the characters a match can start with: the others are not tried on a line. */
export const MARKER_PATTERNS: ReadonlyArray<readonly [HeadingKind, RegExp, ReadonlySet<number>]> = [
  ['part', new RegExp(`^(第\\s*(${NUM})\\s*(?:篇|部分))\\s*`), ORDINAL],
  ['chapter', new RegExp(`^(第\\s*(${NUM})\\s*章)\\s*`), ORDINAL],
  ['section', new RegExp(`^(第\\s*(${NUM})\\s*节)\\s*`), ORDINAL],
  ['cn-enum', new RegExp(`^((${CN}{1,3})\\s*、)\\s*`), CN_DIGIT],
  ['cn-paren-enum', new RegExp(`^([（(]\\s*(${CN}{1,3})\\s*[）)])\\s*`), PAREN],
  ['arabic-paren-enum', /^([（(]\s*(\d{1,2})\s*[）)])\s*/, PAREN],
  ['arabic-enum', /^((\d{1,2})\s*(?:[．.](?![\d.．])|、))\s*/, DIGIT],
  ['preface', /^((序|前|引|导)\s*言)\s*$/, charCodes('序前引导')],
];

/** The numbering marker a line starts with, if any. Works on normalized or raw text. */
/** Characters a numbering marker can start with: a quick reject for the common case. */
const MARKER_START = /^[\s*]*[第〇零一二两三四五六七八九十百（(\d序前引导]/;

export function matchMarker(text: string): MarkerMatch | null {
  if (!MARKER_START.test(text)) return null;
  const t = text.replace(/^[\s*]+/, '');
  const lead = text.length - t.length;
  const first = t.charCodeAt(0);
  for (const [kind, re, starts] of MARKER_PATTERNS) {
    if (!starts.has(first)) continue;
    const m = re.exec(t);
    if (!m) continue;
    const ordinal = kind === 'preface' ? null : parseNumeral(m[2].replace(/\s+/g, ''));
    if (kind !== 'preface' && ordinal === null) continue;
    return { kind, marker: m[1].replace(/\s+/g, ''), ordinal, rest: t.slice(m[0].length), length: lead + m[0].length };
  }
  return null;
}

/** Heading kinds that structure a document; arabic enumerations are usually list items. */
export function isStructuralKind(kind: HeadingKind): boolean {
  return kind === 'part' || kind === 'chapter' || kind === 'section' || kind === 'cn-enum' || kind === 'cn-paren-enum' || kind === 'preface';
}
