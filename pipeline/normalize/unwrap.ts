import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { splitLines } from './lines.js';
import { charCodes, displayWidth, endsSentence, isSpaceCode } from '../../core/text/chars.js';
import { lineKind, type LineKind } from '../../core/text/line-kind.js';
import type { WrapProfile } from '../types.js';

export interface ContentLine {
  /** offsets of the trimmed content in the current text */
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  width: number;
  /** the raw line started with whitespace: in PDF text, often the first line of a page */
  indented: boolean;
}

/** Columns a hard-wrapped line may fall short of the wrap width and still count as full (justification, kinsoku). */
export const FULL_TOLERANCE = 4;
/** In text that is not hard-wrapped, a line this wide that stops mid-sentence continues on the next line (page break). */
export const LONG_LINE = 40;
/** Share of the wrap width above which a line that stops mid-sentence is taken as wrapped. */
export const NEARLY_FULL = 0.8;

const isBlankCode = (c: number): boolean => c === 0x20 || c === 0x09;

/** The non-blank lines of the text, trimmed of spaces and tabs, with their kind and width (lines found by indexOf, no slice per line). */
export function contentLines(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  for (let lineStart = 0; lineStart <= text.length; ) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    let a = lineStart;
    let b = lineEnd;
    while (a < b && isBlankCode(text.charCodeAt(a))) a++;
    while (b > a && isBlankCode(text.charCodeAt(b - 1))) b--;
    if (a < b) out.push(contentLine(text, lineStart, a, b));
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return out;
}

/** The content line [a, b) of the line starting at lineStart. */
function contentLine(text: string, lineStart: number, a: number, b: number): ContentLine {
  const body = text.slice(a, b);
  const width = displayWidth(text, a, b);
  const indented = a > lineStart;
  // keep leading tabs of tab-separated table rows (empty first cells)
  if (indented && text.slice(lineStart, a).includes('\t') && lineKind(text.slice(lineStart, b)) === 'table-row') {
    let start = lineStart;
    while (text.charCodeAt(start) === 0x20) start++;
    const content = text.slice(start, b);
    return { start, end: b, text: content, kind: lineKind(content), width, indented: start > lineStart };
  }
  return { start: a, end: b, text: body, kind: lineKind(body), width, indented };
}

/** Is the text hard-wrapped at a fixed width? The most common width among text lines, when it holds enough of them. */
export function wrapProfile(lines: readonly ContentLine[]): WrapProfile {
  const counts = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    if (l.kind !== 'text' || l.width < 20) continue;
    total++;
    counts.set(l.width, (counts.get(l.width) ?? 0) + 1);
  }
  if (total < 20) return { wrapWidth: null, share: 0 };
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of counts) {
    // a window of ±2 columns around each width
    let around = 0;
    for (let d = -2; d <= 2; d++) around += counts.get(w + d) ?? 0;
    if (around > bestCount || (around === bestCount && w > best)) {
      best = w;
      bestCount = around;
    }
  }
  const share = bestCount / total;
  // the widest width of the cluster is the wrap width
  let top = best;
  for (let d = 1; d <= 2; d++) if ((counts.get(best + d) ?? 0) > 0) top = best + d;
  return share >= 0.3 && best <= 240 ? { wrapWidth: top, share } : { wrapWidth: null, share };
}

const NEVER_JOIN_AFTER: ReadonlySet<LineKind> = new Set(['caption', 'figure-caption', 'box-marker', 'table-row', 'toc-entry', 'toc-title']);
const NEVER_JOIN_BEFORE: ReadonlySet<LineKind> = new Set(['heading', 'list-item', 'caption', 'figure-caption', 'box-marker', 'table-row', 'toc-entry', 'toc-title', 'note']);

/** A heading line that runs on into its paragraph (（一）坚持…。到“十三五”期末…, （一）从国际发展形势看：新一轮…). */
function isRunInHeading(l: ContentLine): boolean {
  return l.kind === 'heading' && /[。；：]/.test(l.text.slice(0, -1));
}

/** No line of Chinese text starts with closing punctuation or ends with an opening bracket or quote. */
const CLOSING = charCodes('，。、；：？！）》」』”’,;:?!)');
/** The line starts with closing punctuation (/^[，。、；：？！）》」』”’,;:?!)]/). */
const opensNothing = (text: string): boolean => CLOSING.has(text.charCodeAt(0));
/** The class [《「『“‘（(], by code: a line ending in one closes nothing. */
const isOpenerCode = (c: number): boolean => c === 0x300a || c === 0x300c || c === 0x300e || c === 0x201c || c === 0x2018 || c === 0xff08 || c === 0x28;
/** Closers and whitespace a sentence stop may stand before (the class [”’」』)）*\s]). */
const isAfterStopCode = (c: number): boolean => c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0x29 || c === 0xff09 || c === 0x2a || isSpaceCode(c);

/** Does the text end in 。！？, closers and whitespace after it left aside (/[。！？]$/ after cutting /[”’」』)）*\s]+$/)? */
export function endsWithStop(text: string): boolean {
  let end = text.length;
  while (end > 0 && isAfterStopCode(text.charCodeAt(end - 1))) end--;
  const c = text.charCodeAt(end - 1);
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * A full line that stops mid-phrase carries on even when the next line happens to start like a
 * heading (…坚持权责法定、权责统 / 一、用权公开，健全…).
 */
function midPhrase(a: ContentLine, b: ContentLine): boolean {
  return (b.kind === 'heading' || b.kind === 'list-item') && (a.kind === 'text' || a.kind === 'list-item') && !endsSentence(a.text);
}

/**
 * Should line b continue the paragraph of line a? `localWidth` is the widest line of the block
 * so far, so that boxes set wider than the body (专栏) are judged by their own width.
 */
export function continues(a: ContentLine, b: ContentLine, profile: WrapProfile, localWidth: number, pageBreak = false, after?: ContentLine, blockWidth = a.width): boolean {
  if (NEVER_JOIN_AFTER.has(a.kind)) return false;
  if (a.kind === 'heading' && !isRunInHeading(a)) return false;
  if ((opensNothing(b.text) || isOpenerCode(a.text.charCodeAt(a.text.length - 1))) && b.kind !== 'table-row' && b.kind !== 'toc-entry') return true;
  if (b.text.charCodeAt(0) === 0x2014) return false; // —, ——
  if (NEVER_JOIN_BEFORE.has(b.kind) && !midPhrase(a, b)) return false;
  if (profile.wrapWidth !== null) {
    // a full line ending a sentence, then a short lead sentence (加强专精特新企业培育。聚焦新经济…):
    // plans open their paragraphs with such leads, so this is a paragraph break, not a wrap
    if (endsWithStop(a.text) && LEAD_SENTENCE.test(b.text)) return false;
    const width = Math.max(profile.wrapWidth, localWidth > profile.wrapWidth + FULL_TOLERANCE + 2 ? localWidth : 0);
    // full, or nearly full and stopping mid-sentence (a paragraph's last line ends a sentence)
    return a.width >= width - FULL_TOLERANCE || (a.width >= width * NEARLY_FULL && !endsSentence(a.text));
  }
  if (TITLE_END.test(a.text)) return false;
  // a page break between the two lines: a sentence left open carries on after it
  // (a sentence: it has punctuation inside or is long; a bare title line before a page break is not)
  if (pageBreak && !endsSentence(a.text) && b.kind === 'text' && (/[，、；：,;]/.test(a.text) || Math.max(a.width, blockWidth) >= LONG_LINE)) return true;
  // (unless the short line itself runs on: 中国大陆 / ，也可能…)
  if (b.width < SHORT_LINE && !/[，。、；：！？,;]/.test(b.text) && !(after && opensNothing(after.text))) return false;
  // the paragraph so far, not just its last piece, must be long: a page break cuts paragraphs, not titles
  return Math.max(a.width, blockWidth) >= LONG_LINE && !endsSentence(a.text);
}

/** A short sentence opening a line: 2–14 characters without punctuation, then a full stop. */
const LEAD_SENTENCE = /^[^，。；：、“”‘’（）《》,.;:\s]{2,14}。/;

/** A line ending in a document-type noun is a title, not a paragraph cut by a page break. */
const TITLE_END = /(?:纲\s*要|报\s*告|规划|计划|通\s*知|意见|方案|决定|公报)(?:（[^）]{1,6}）|\([^)]{1,6}\))?$/;
/** A short line without punctuation after a page break is a title line or a signature, not the rest of a sentence. */
const SHORT_LINE = 24;

export interface UnwrapResult {
  edits: Edit[];
  profile: WrapProfile;
}

/**
 * Edits that join the hard-wrapped lines of a paragraph and leave exactly one "\n" between blocks.
 * `pageBreakBetween(a, b)` tells whether page furniture was removed between two offsets of the text.
 */
export function unwrapEdits(text: string, pageBreakBetween: (a: number, b: number) => boolean = () => false, keepBreak?: (a: number, b: number) => boolean): UnwrapResult {
  const lines = contentLines(text);
  const profile = wrapProfile(lines);
  const edits: Edit[] = [];
  if (lines.length === 0) {
    if (text.length > 0) edits.push({ start: 0, end: text.length, replacement: '', rule: 'layout/blank', kind: 'layout' });
    return { edits, profile };
  }
  if (lines[0].start > 0) edits.push({ start: 0, end: lines[0].start, replacement: '', rule: 'layout/blank', kind: 'layout' });
  let localWidth = lines[0].width;
  let blockWidth = lines[0].width;
  let a = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const b = lines[i];
    const pageBreak = pageBreakBetween(a.end, b.start);
    const join = !(keepBreak?.(a.end, b.start) && !pageBreak) && continues(a, b, profile, localWidth, pageBreak, lines[i + 1], blockWidth);
    blockWidth = join ? blockWidth + b.width : b.width;
    let replacement = '\n';
    if (join) {
      replacement = isAsciiLetter(a.text.charCodeAt(a.text.length - 1)) && isAsciiLetter(b.text.charCodeAt(0)) ? ' ' : '';
      localWidth = Math.max(localWidth, b.width);
    } else {
      localWidth = b.width;
    }
    if (b.start - a.end !== replacement.length || !text.startsWith(replacement, a.end)) {
      edits.push({ start: a.end, end: b.start, replacement, rule: join ? 'layout/unwrap' : 'layout/blank', kind: 'layout' });
    }
    // a line joined into a paragraph is running text, whatever it looked like on its own
    a = join && b.kind !== 'text' ? { ...b, kind: 'text' } : b;
  }
  const last = lines[lines.length - 1];
  if (last.end < text.length) edits.push({ start: last.end, end: text.length, replacement: '', rule: 'layout/blank', kind: 'layout' });
  return { edits, profile };
}

export function unwrap(mt: MappedText, doc: DocContext): MappedText {
  const { edits } = unwrapEdits(mt.text);
  return doc.edit(mt, edits);
}
