import { matchMarker, isStructuralKind } from './markers.js';
import { charCodes, isSpaceCode } from './chars.js';

export type LineKind =
  | 'heading'
  | 'list-item'
  | 'caption'
  | 'figure-caption'
  | 'box-marker'
  | 'note'
  | 'toc-title'
  | 'toc-entry'
  | 'table-row'
  | 'text';

export const TOC_ENTRY = /(?:\.{2,}|…{2,}|·{3,}|-{4,}|_{4,})\s*\d{1,4}\s*$/;
export const CAPTION = /^(?:附?表\s*\d{1,3}(?:[-－.]\d{1,2})?(?:\s*[：:]\s*|\s+|(?=[“"《\p{Script=Han}])))/u;
export const FIGURE_CAPTION = /^图\s*\d{1,3}(?:[-－.]\d{1,2})?(?:\s*[：:]\s*|\s+|(?=[“"《\p{Script=Han}]))/u;
export const BOX_MARKER = /^专栏\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})?\s*[：:]?\s*/;
export const NOTE = /^(?:注|备注|说明|资料来源|数据来源)\s*(?:\d\s*)?[：:]/;
const ATTRIBUTE_END = /(?:预期性|约束性)\s*$/;
const NUMERIC_TOKEN = /^(?:[-+]?\d+(?:\.\d+)?%?|—{1,2}|-|\[[\d.]+\]|[≥≤><]\d+(?:\.\d+)?|\d+(?:\.\d+)?\/\d+)$/;

/**
 * TOC_ENTRY.test(t) for a trimmed t: such an entry ends in a digit (its \s*$ matches nothing in trimmed
 * text), so the regex runs only on the lines that end in one.
 */
export function isTocEntry(t: string): boolean {
  const last = t.charCodeAt(t.length - 1);
  return last >= 0x30 && last <= 0x39 && TOC_ENTRY.test(t);
}

/** ATTRIBUTE_END.test(t) for a trimmed t: the text ends in 预期性 or 约束性. */
function endsInAttribute(t: string): boolean {
  return t.endsWith('性') && ATTRIBUTE_END.test(t);
}

/** Lines that are table rows: tab-separated cells, or several numeric cells, or ending in an indicator attribute. */
export function isTableRow(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  if (text.includes('\t')) {
    const cells = text.split('\t').filter((c) => c.trim().length > 0);
    if (cells.length >= 2 || text.charCodeAt(0) === 0x09) return !isTocEntry(t);
  }
  if (t.length < 120 && endsInAttribute(t)) return true;
  // running text with sentence punctuation is not a space-separated row
  if (/[，。；！？]/.test(t)) return false;
  // three numeric cells need three tokens: two runs of space inside the (trimmed) text
  if (!/\s\S+\s/.test(t)) return false;
  const tokens = t.split(/\s+/);
  let numeric = 0;
  for (const tok of tokens) if (NUMERIC_TOKEN.test(tok)) numeric++;
  // a row names what it measures: some cell has at least two Han characters (2022 年 3 月 3 日 is a date)
  const named = tokens.some((tok) => /[\u4e00-\u9fff]{2}/.test(tok));
  return numeric >= 3 && numeric >= tokens.length / 3 && named;
}


/** Characters that can start anything but running text (markers, captions, notes, TOC, rows), after spaces and *. */
const SPECIAL_START = charCodes('目专注备说资数表附图第〇零一二两三四五六七八九十百（(0123456789序前引导');
/** Characters that can make a line a table row or a TOC entry wherever they stand. */
const SPECIAL_ANY = /[\t.…·_\d—-]|预期性|约束性/;
/** First characters of a note (注, 备注, 说明, 资料来源, 数据来源) and of a caption (表, 附表). */
const NOTE_START = charCodes('注备说资数');
const CAPTION_START = charCodes('附表');
const [TOC_TITLE_START, BOX_START, FIGURE_START] = ['目', '专', '图'].map((ch) => ch.charCodeAt(0));

/** /^[\s*]*[目专…引导]/ by code: the first character after spaces and * can start a special line. */
export function startsSpecial(text: string): boolean {
  let i = 0;
  let c = text.charCodeAt(0);
  while (c === 0x2a || isSpaceCode(c)) c = text.charCodeAt(++i);
  return SPECIAL_START.has(c);
}

/**
 * Classify one trimmed line of text. The patterns anchored at the start (目录, 专栏, notes, captions)
 * are tried only when the first character is theirs.
 */
export function lineKind(text: string): LineKind {
  if (!startsSpecial(text) && !SPECIAL_ANY.test(text)) return 'text';
  const trimmed = text.trim();
  const t = trimmed.startsWith('**') ? trimmed.slice(2) : trimmed;
  const first = t.charCodeAt(0);
  if (first === TOC_TITLE_START && /^目\s*录$/.test(t)) return 'toc-title';
  if (isTocEntry(t)) return 'toc-entry';
  if (first === BOX_START && BOX_MARKER.test(t) && t.length < 80) return 'box-marker';
  if (NOTE_START.has(first) && NOTE.test(t)) return 'note';
  if (isTableRow(text)) return 'table-row';
  if (CAPTION_START.has(first) && CAPTION.test(t) && t.length < 80) return 'caption';
  if (first === FIGURE_START && FIGURE_CAPTION.test(t) && t.length < 80) return 'figure-caption';
  const marker = matchMarker(t);
  if (marker) return isStructuralKind(marker.kind) ? 'heading' : 'list-item';
  return 'text';
}
