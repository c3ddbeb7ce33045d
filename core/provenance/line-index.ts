import type { SourceSpan } from '../../schemas/source.js';

export interface Point {
  /** 1-based line */
  line: number;
  /** 0-based UTF-16 column */
  column: number;
}

/**
 * Line index over the decoded raw text, built once per document (vfile-location's idea).
 * The one place where offsets become line/column and back. Line breaks: \n, \r\n, \r.
 */
export class LineIndex {
  readonly text: string;
  /** offset of the first character of each line */
  readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    if (!text.includes('\r')) {
      // the common case: LF only, found by the native search
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  toPoint(offset: number): Point {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`offset ${offset} outside 0..${this.text.length}`);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] };
  }

  toOffset(point: Point): number {
    const start = this.starts[point.line - 1];
    if (start === undefined) throw new RangeError(`line ${point.line} outside 1..${this.starts.length}`);
    const offset = start + point.column;
    if (point.column < 0 || offset > this.lineEnd(point.line)) {
      throw new RangeError(`column ${point.column} outside line ${point.line}`);
    }
    return offset;
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line - 1], this.lineEnd(line));
  }

  /** A raw span from offsets (end exclusive). The single place spans are made. */
  span(start: number, end: number): SourceSpan {
    if (end < start) throw new RangeError(`span end ${end} before start ${start}`);
    const a = this.toPoint(start);
    const b = this.toPoint(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end };
  }

  /** One span from the start of the first span to the end of the last (a cell broken over lines). */
  static join(spans: readonly SourceSpan[]): SourceSpan {
    const first = spans[0];
    const last = spans[spans.length - 1];
    return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn, offset: first.offset, endOffset: last.endOffset };
  }
}
