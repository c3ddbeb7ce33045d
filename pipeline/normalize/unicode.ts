import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { isTableRow } from '../../core/text/line-kind.js';
import { charCodes, codeTable } from '../../core/text/chars.js';

/** Full-width forms U+FF01–U+FF5E to ASCII, other characters kept (by code: the pieces are a few characters long). */
export function toHalf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);
  }
  return out;
}

/** Full-width digits, letters and the symbols that belong to numbers; Chinese punctuation stays. */
const FULLWIDTH = /[０-９Ａ-Ｚａ-ｚ％．＋＝＜＞＠＃＆＊＿｜]+/g;
/** A full-width minus or slash between number-ish characters. */
const FULLWIDTH_JOINER = /(?<=[0-9A-Za-z０-９Ａ-Ｚａ-ｚ])[－／](?=[0-9A-Za-z０-９Ａ-Ｚａ-ｚ])/g;
/** Minus-like signs before a digit: U+2212, U+2010, U+2011, U+FE63. */
const MINUS = /[\u2212\u2010\u2011\ufe63](?=[0-9])/g;
/** A cell or token made only of dashes: the empty-cell mark, canonical form "—". */
const DASH_RUN = /[—–―－‐−-]{1,4}/g;
const isCellEdge = (ch: string | undefined): boolean => ch === undefined || ch === ' ' || ch === '\t' || ch === '\n';
/** What NFC can change: a character followed by combining marks, or a CJK compatibility ideograph. */
const NFC_PIECE = /[^\p{M}]\p{M}+|[\uf900-\ufaff]|[\u{2f800}-\u{2fa1f}]|[\u1100-\u11ff\uac00-\ud7a3]+/gu;
const SUBSCRIPT = /[ ]*([₀-₉]+(?:[.．][₀-₉]+)?)[ ]*/g;

function lineAround(text: string, at: number): string {
  const a = text.lastIndexOf('\n', at - 1) + 1;
  const b = text.indexOf('\n', at);
  return text.slice(a, b === -1 ? text.length : b);
}

/** A character of the FULLWIDTH class ([０-９Ａ-Ｚａ-ｚ％．＋＝＜＞＠＃＆＊＿｜]), by code. */
const FULLWIDTH_SYMBOLS = charCodes('％．＋＝＜＞＠＃＆＊＿｜');
export function isFullwidthAsciiCode(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || FULLWIDTH_SYMBOLS.has(c);
}

const FULLWIDTH_ASCII = 1;
const JOINER = 2;
const MINUS_SIGN = 4;
const SUBSCRIPT_DIGIT = 8;
/** The rare-character class of each BMP code unit (a bit each; 0 for the rest). */
const rareClassTable = codeTable((c) => {
  if (isFullwidthAsciiCode(c)) return FULLWIDTH_ASCII;
  if (c === 0xff0d || c === 0xff0f) return JOINER;
  if (c === 0x2212 || c === 0x2010 || c === 0x2011 || c === 0xfe63) return MINUS_SIGN;
  return c >= 0x2080 && c <= 0x2089 ? SUBSCRIPT_DIGIT : 0;
});

/** Which rare characters the rules look for occur at all: one pass by table, so that each rule scans only the texts that have its characters. */
function rareCharacters(text: string): { fullwidth: boolean; joiner: boolean; minus: boolean; subscript: boolean } {
  const table = rareClassTable();
  let seen = 0;
  for (let i = 0; i < text.length; i++) seen |= table[text.charCodeAt(i)];
  return { fullwidth: (seen & FULLWIDTH_ASCII) !== 0, joiner: (seen & JOINER) !== 0, minus: (seen & MINUS_SIGN) !== 0, subscript: (seen & SUBSCRIPT_DIGIT) !== 0 };
}

/** Edits of one pass; `isNfc` is text.normalize('NFC') === text, when the caller knows it. */
export function unicodeEdits(text: string, isNfc = text.normalize('NFC') === text): Edit[] {
  const edits: Edit[] = [];
  if (!isNfc) {
    // only the pieces NFC changes: a base character with its combining marks, a compatibility ideograph
    for (const m of text.matchAll(NFC_PIECE)) {
      const nfc = m[0].normalize('NFC');
      if (nfc !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, replacement: nfc, rule: 'unicode/nfc', kind: 'correction', evidence: { form: 'NFC' } });
    }
    // NFC edits go first; the other rules run on the next pass
    return edits;
  }
  const rare = rareCharacters(text);
  for (const m of rare.fullwidth ? text.matchAll(FULLWIDTH) : []) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: toHalf(m[0]), rule: 'unicode/fullwidth-ascii', kind: 'correction', evidence: {} });
  }
  for (const m of rare.joiner ? text.matchAll(FULLWIDTH_JOINER) : []) {
    edits.push({ start: m.index, end: m.index + 1, replacement: toHalf(m[0]), rule: 'unicode/fullwidth-ascii', kind: 'correction', evidence: {} });
  }
  for (const m of rare.minus ? text.matchAll(MINUS) : []) {
    edits.push({ start: m.index, end: m.index + 1, replacement: '-', rule: 'unicode/minus', kind: 'correction', evidence: { codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } });
  }
  for (const m of text.matchAll(DASH_RUN)) {
    if (m[0] === '—' || !isCellEdge(text[m.index - 1]) || !isCellEdge(text[m.index + m[0].length])) continue;
    // only in table rows: in running text a spaced —— is a dash (坚持一个目标 —— 高质量发展)
    if (!isTableRow(lineAround(text, m.index))) continue;
    // a lone ASCII hyphen is too ambiguous to be an empty cell unless it stands between tabs
    if (m[0] === '-' && !/\t/.test(text.slice(Math.max(0, m.index - 1), m.index + 2))) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: '—', rule: 'unicode/empty-cell-dash', kind: 'correction', evidence: {} });
  }
  for (const m of rare.subscript ? text.matchAll(SUBSCRIPT) : []) {
    const digits = m[1].replace(/[₀-₉]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x2080 + 48)).replace('．', '.');
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: digits, rule: 'unicode/subscript', kind: 'correction', evidence: {} });
  }
  return edits;
}

/** NFC, full-width ASCII to half-width, minus signs, empty-cell dashes, subscript digits. */
export function normalizeUnicode(mt: MappedText, doc: DocContext): MappedText {
  const isNfc = mt.text.normalize('NFC') === mt.text;
  let out = doc.edit(mt, unicodeEdits(mt.text, isNfc));
  // the first pass made only NFC edits: the other rules run on the result, when it is NFC now
  if (!isNfc && out !== mt && out.text.normalize('NFC') === out.text) {
    out = doc.edit(out, unicodeEdits(out.text, true));
  }
  return out;
}
