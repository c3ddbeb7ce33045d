import type { DocContext } from '../../core/context.js';
import { rawRange, type Edit, type MappedText } from '../../core/provenance/mapped-text.js';
import { splitLines, type TextLine } from './lines.js';
import { charCodes, displayWidth, isSpaceCode } from '../../core/text/chars.js';

const D = '[0-9０-９]{1,4}';
const DASH = '[-—–－~～·•]';
/** Whole lines that are a printed page number. */
const PAGE_NUMBER = [
  new RegExp(`^${DASH}+\\s*(${D})\\s*${DASH}+$`),
  new RegExp(`^第\\s*(${D})\\s*页(?:\\s*[,，/]?\\s*共\\s*${D}\\s*页)?$`),
  new RegExp(`^(${D})\\s*/\\s*(${D})$`),
  new RegExp(`^(?:page|p\\.)\\s*(${D})(?:\\s*of\\s*${D})?$`, 'i'),
];
/** Whitespace (\s, with \f and U+FEFF) or a zero-width mark (U+200B–U+200D, U+2060). */
const isBlankOrMark = (c: number): boolean => isSpaceCode(c) || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
/** What a page-number line can start with, after blanks and zero-width marks. */
const FURNITURE_START = charCodes('-—–－~～·•第Pp0123456789０１２３４５６７８９');

/**
 * How a page-number or page-break line can start, a quick reject for lines of text:
 * /^[\s\f\u200b-\u200d\u2060\ufeff]*(?:$|[-—–－~～·•第0-9０-９Pp])/ by code.
 */
export function mayBeFurniture(text: string): boolean {
  let i = 0;
  let c = text.charCodeAt(0);
  while (isBlankOrMark(c)) c = text.charCodeAt(++i);
  return i === text.length || FURNITURE_START.has(c);
}

/**
 * The text without blanks and zero-width marks at either end (zero-width marks are not whitespace to
 * String.trim): what /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g cuts, by code.
 */
export function trimMarks(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isBlankOrMark(text.charCodeAt(a))) a++;
  while (b > a && isBlankOrMark(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

const FRACTION = new RegExp(`^(${D})\\s*/\\s*(${D})$`);
/** Lines that only hold a page break: form feed or zero-width marks left by the converter. */
const BREAK_ONLY = /^[\s\f\u200b-\u200d\u2060\ufeff]*$/;
const BREAK_CHAR = /[\f\u200b\u2060\ufeff]/;

export interface FurnitureLine {
  line: TextLine;
  kind: 'page-number' | 'page-break' | 'running-header';
  page: number | null;
}

function toInt(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

/** Find page furniture: page-number lines, break-only lines, and running headers/footers next to them. */
export function findFurniture(text: string): FurnitureLine[] {
  const lines = splitLines(text);
  const found = new Map<number, FurnitureLine>();
  for (const line of lines) {
    // page numbers and break marks are short: a long line is text (a quick reject before the regexes)
    if (line.text.length > 40 || !mayBeFurniture(line.text)) continue;
    // zero-width marks are not whitespace to String.trim
    const t = trimMarks(line.text);
    if (t.length === 0) {
      if (BREAK_CHAR.test(line.text) && BREAK_ONLY.test(line.text)) found.set(line.index, { line, kind: 'page-break', page: null });
      continue;
    }
    for (const re of PAGE_NUMBER) {
      const m = re.exec(t);
      if (m) {
        found.set(line.index, { line, kind: 'page-number', page: toInt(m[1]) });
        break;
      }
    }
  }
  // a bare N/M line is a page number only as one of a series (3/20, 4/20 …): 25/30 alone is a value
  const fractions = [...found.values()].filter((f) => FRACTION.test(f.line.text.trim()));
  const totals = new Map<string, number>();
  for (const f of fractions) {
    const total = FRACTION.exec(f.line.text.trim())![2];
    totals.set(total, (totals.get(total) ?? 0) + 1);
  }
  for (const f of fractions) if ((totals.get(FRACTION.exec(f.line.text.trim())![2]) ?? 0) < 2) found.delete(f.line.index);
  if (found.size === 0) return [];

  // running headers/footers: a short line repeated at least 3 times, mostly right next to a page marker
  const trimmed = lines.map((l) => l.text.trim());
  const nonBlank = lines.filter((l) => trimmed[l.index].length > 0);
  const position = new Int32Array(lines.length).fill(-1);
  nonBlank.forEach((l, i) => (position[l.index] = i));
  // a header or footer stands right at the page boundary: next to a marker or to other furniture
  const nearMarker = (l: TextLine): boolean => {
    const i = position[l.index];
    for (const k of [i - 1, i + 1]) if (k >= 0 && k < nonBlank.length && found.has(nonBlank[k].index)) return true;
    // a break-only line is blank: look at the raw neighbours too
    for (let j = l.index - 3; j <= l.index + 3; j++) if (j !== l.index && found.get(j)?.kind === 'page-break') return true;
    return false;
  };
  // two rounds, so that a header next to a page-number footer's neighbour is found too
  for (let round = 0; round < 2; round++) {
    // candidates: short lines right next to a marker; then all their occurrences
    const candidates = new Set<string>();
    for (const l of nextToFurniture(found, nonBlank, position)) candidates.add(trimmed[l.index]);
    // their lengths: a line of another length is no candidate, and is not looked up
    const lengths = new Set([...candidates].map((t) => t.length));
    const groups = new Map<string, TextLine[]>();
    for (const l of nonBlank) {
      if (found.has(l.index)) continue;
      const t = trimmed[l.index];
      if (!lengths.has(t.length) || !candidates.has(t) || displayWidth(t) > 60) continue;
      const g = groups.get(t);
      if (g) g.push(l);
      else groups.set(t, [l]);
    }
    for (const [, occurrences] of groups) {
      if (occurrences.length < 3) continue;
      const near = occurrences.filter(nearMarker);
      if (near.length >= 3 && near.length >= 0.75 * occurrences.length) {
        for (const l of occurrences) found.set(l.index, { line: l, kind: 'running-header', page: null });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.line.start - b.line.start);
}

/**
 * The non-blank lines, not furniture themselves, right next to furniture: the neighbours in non-blank
 * order of every furniture line, and the raw lines within three of a break-only line. Found from the
 * furniture rather than by asking every line. `position` is a line's index in nonBlank (-1 when blank).
 */
export function nextToFurniture(found: ReadonlyMap<number, FurnitureLine>, nonBlank: readonly TextLine[], position: Int32Array): TextLine[] {
  const near: TextLine[] = [];
  const add = (index: number): void => {
    const k = index >= 0 && index < position.length ? position[index] : -1;
    if (k >= 0 && !found.has(index)) near.push(nonBlank[k]);
  };
  for (const [index, f] of found) {
    const i = position[index];
    if (i >= 0) {
      if (i > 0) add(nonBlank[i - 1].index);
      if (i + 1 < nonBlank.length) add(nonBlank[i + 1].index);
    }
    if (f.kind === 'page-break') for (let j = index - 3; j <= index + 3; j++) if (j !== index) add(j);
  }
  return near;
}

/** Remove page furniture lines (their content; the line break stays) and record page markers. */
export function removePageFurniture(mt: MappedText, doc: DocContext): MappedText {
  const furniture = findFurniture(mt.text);
  const edits: Edit[] = [];
  for (const f of furniture) {
    const { start, end } = f.line;
    if (end === start) continue;
    if (f.kind !== 'running-header') {
      const [a, b] = rawRange(mt, start, end);
      doc.pages.push({ page: f.page, kind: f.kind, text: doc.raw.slice(a, b), source: doc.span(a, b) });
    }
    edits.push({ start, end, replacement: '', rule: `furniture/${f.kind}`, kind: 'removal' });
  }
  return doc.edit(mt, edits);
}

/** Remove form feeds left inside a line (a page boundary in the middle of a line of text). */
export function formFeedEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = text.indexOf('\f'); i !== -1; i = text.indexOf('\f', i + 1)) {
    edits.push({ start: i, end: i + 1, replacement: '', rule: 'furniture/page-break', kind: 'removal' });
  }
  return edits;
}

export function removeFormFeeds(mt: MappedText, doc: DocContext): MappedText {
  const edits = formFeedEdits(mt.text);
  for (const e of edits) {
    const [a, b] = rawRange(mt, e.start, e.end);
    doc.pages.push({ page: null, kind: 'page-break', text: doc.raw.slice(a, b), source: doc.span(a, b) });
  }
  return doc.edit(mt, edits);
}
