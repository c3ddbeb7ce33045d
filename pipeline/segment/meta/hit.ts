import { isSpaceCode } from '../../../core/text/chars.js';

/** A line of normalized text: its text and the offset where it starts in the normalized document text. */
export interface TextLine {
  readonly text: string;
  readonly start: number;
}

/**
 * A metadata value found in the text: the rule that found it and where (normalized offsets,
 * absolute), turned into raw evidence by the caller. inferred: the value is derived from the
 * text (a year from 2019年工作回顾), not stated by it.
 */
export interface Hit<T> {
  value: T;
  rule: string;
  text: string;
  start: number;
  end: number;
  inferred: boolean;
  confidence: 'high' | 'low';
}

/** A hit for match m of a regex run over line.text (m.index relative to the line). */
export function hitAt<T>(line: TextLine, m: { index: number; 0: string }, value: T, rule: string, extra: Partial<Pick<Hit<T>, 'inferred' | 'confidence'>> = {}): Hit<T> {
  // a line that could not be located (start -1) gives hits without a position
  const start = line.start < 0 ? -1 : line.start + m.index;
  return { value, rule, text: m[0], start, end: line.start < 0 ? -1 : start + m[0].length, inferred: extra.inferred ?? false, confidence: extra.confidence ?? 'high' };
}

/** The first non-null result of f over the lines. */
export function firstHit<T>(lines: readonly TextLine[], f: (line: TextLine) => Hit<T> | null): Hit<T> | null {
  for (const l of lines) {
    const h = f(l);
    if (h) return h;
  }
  return null;
}

/** A line as printed (before unwrapping), with the raw offset it starts at. */
export interface PrintedLine extends TextLine {
  readonly rawStart: number;
}

/** The non-empty lines of a text as printed; rawStartOf maps a text offset to its raw offset. One pass: only the lines kept are cut out. */
export function printedLines(text: string, rawStartOf: (offset: number) => number): PrintedLine[] {
  const out: PrintedLine[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!blank(text, start, end)) out.push({ text: text.slice(start, end), start, rawStart: rawStartOf(start) });
    start = end + 1;
  }
  return out;
}

/** True when text[start, end) is whitespace only (what trim() would empty). */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}
