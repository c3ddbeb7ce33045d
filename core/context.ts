import type { Correction, Diagnostic, Removal, Severity, Stage } from '../schemas/messages.js';
import type { SourceSpan } from '../schemas/source.js';
import type { PageMarker } from '../schemas/document.js';
import { LineIndex } from './provenance/line-index.js';
import { applyEdits, rawRange, type Edit, type MappedText } from './provenance/mapped-text.js';
import { displayWidth, isSpaceCode } from './text/chars.js';

/** Thrown by a stage when the document cannot go on; stops that document only. */
export class DocumentError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DocumentError';
    this.code = code;
  }
}

/** Who is reporting: set by the runner of a stage's steps, never passed by hand. */
interface Scope {
  stage: Stage;
  rule: string;
}

/**
 * Per-document context (vfile's idea): the raw text once ingest has read it, its line index, and
 * what the stages report — diagnostics, corrections, removals. Stages never print; they report here.
 * Each step runs through `step(stage, rule, fn)`, which stamps what it reports with its stage and rule.
 */
export class DocContext {
  readonly path: string;
  readonly diagnostics: Diagnostic[] = [];
  readonly corrections: Correction[] = [];
  readonly removals: Removal[] = [];
  readonly removedChars: Record<string, number> = {};
  readonly pages: PageMarker[] = [];
  private text: { raw: string; lines: LineIndex } | null = null;
  private scope: Scope = { stage: 'ingest', rule: 'ingest' };
  private widths: Int32Array | null = null;

  /** A context for one input; `raw` is the decoded text when it is already known (tests, tools). */
  constructor(path: string, raw?: string) {
    this.path = path;
    if (raw !== undefined) this.attachRaw(raw);
  }

  /** Set the raw text every position refers to: once, by the document runner after ingest. */
  attachRaw(raw: string): void {
    if (this.text) throw new Error(`${this.path}: raw text attached twice`);
    this.text = { raw, lines: new LineIndex(raw) };
  }

  get raw(): string {
    if (!this.text) throw new Error(`${this.path}: no raw text yet (ingest has not run)`);
    return this.text.raw;
  }

  get lines(): LineIndex {
    if (!this.text) throw new Error(`${this.path}: no raw text yet (ingest has not run)`);
    return this.text.lines;
  }

  /** Run one step of a stage: what it reports, corrects or removes is stamped with `stage` and `rule`. */
  step<T>(stage: Stage, rule: string, fn: () => T): T {
    const outer = this.scope;
    this.scope = { stage, rule };
    try {
      return fn();
    } finally {
      this.scope = outer;
    }
  }

  /** The same for an asynchronous step (ingest): one document's steps never run interleaved. */
  async stepAsync<T>(stage: Stage, rule: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.scope;
    this.scope = { stage, rule };
    try {
      return await fn();
    } finally {
      this.scope = outer;
    }
  }

  /** Display width of a raw line's trimmed text (cached: segmentation asks for it often). */
  rawLineWidth(line: number): number {
    this.widths ??= new Int32Array(this.lines.lineCount).fill(-1);
    let w = this.widths[line - 1];
    if (w < 0) {
      // the width of the line's text trimmed, measured in place
      const raw = this.lines.text;
      let a = this.lines.starts[line - 1];
      let b = this.lines.lineEnd(line);
      while (a < b && isSpaceCode(raw.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(raw.charCodeAt(b - 1))) b--;
      w = displayWidth(raw, a, b);
      this.widths[line - 1] = w;
    }
    return w;
  }

  span(start: number, end: number): SourceSpan {
    return this.lines.span(start, end);
  }

  /**
   * Report a message, stamped with the running step's stage and rule. A step that runs several rules
   * of its own may name the one that fired, under its own id (the OCR step: ocr/subject-entity).
   */
  report(severity: Severity, code: string, message: string, source: SourceSpan | null = null, extra: { actual?: string; expected?: string; rule?: string } = {}): void {
    const { stage, rule } = this.scope;
    if (extra.rule !== undefined && !extra.rule.startsWith(`${rule}/`)) throw new Error(`rule ${extra.rule} reported inside step ${rule}`);
    const d: Diagnostic = { severity, code, message, stage, rule: extra.rule ?? rule, source };
    if (extra.actual !== undefined) d.actual = extra.actual;
    if (extra.expected !== undefined) d.expected = extra.expected;
    this.diagnostics.push(d);
  }

  fail(code: string, message: string): never {
    throw new DocumentError(code, message);
  }

  /**
   * Apply edits to a mapped text and log each one: corrections with evidence, removals with
   * their raw text, layout changes counted. Overlapping edits are skipped and reported.
   */
  edit(mt: MappedText, edits: readonly Edit[]): MappedText {
    if (edits.length === 0) return mt;
    const { stage } = this.scope;
    const { text, applied, skipped } = applyEdits(mt, edits);
    for (const a of applied) {
      const e = a.edit;
      if (e.kind === 'correction') {
        this.corrections.push({ stage, rule: e.rule, from: a.from, to: e.replacement, source: this.span(a.rawStart, a.rawEnd), evidence: e.evidence ?? {} });
      } else if (e.kind === 'removal') {
        this.removals.push({ stage, rule: e.rule, text: this.raw.slice(a.rawStart, a.rawEnd), source: this.span(a.rawStart, a.rawEnd) });
        this.count(e.rule, a.rawEnd - a.rawStart);
      } else if (a.removed > 0) {
        this.count(e.rule, a.removed);
      }
    }
    for (const e of skipped) {
      const [a, b] = rawRange(mt, e.start, e.end);
      this.report('warning', 'overlapping-edit', `edit by ${e.rule} overlaps an earlier edit and was skipped`, this.span(a, b));
    }
    return text;
  }

  /** Record raw text a later stage leaves out of the output text (e.g. a table-of-contents title). */
  remove(rule: string, rawStart: number, rawEnd: number): void {
    this.removals.push({ stage: this.scope.stage, rule, text: this.raw.slice(rawStart, rawEnd), source: this.span(rawStart, rawEnd) });
  }

  private count(rule: string, n: number): void {
    this.removedChars[rule] = (this.removedChars[rule] ?? 0) + n;
  }
}
