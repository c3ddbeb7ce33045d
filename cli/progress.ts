import type { IndexEntry } from '../schemas/corpus.js';
import type { BuildResult } from '../corpus/build.js';
import type { Io } from './io.js';

export type LogFormat = 'text' | 'json';

export interface ProgressOptions {
  format: LogFormat;
  /** print nothing but failures (text) */
  quiet: boolean;
  /** the output folder, as the user named it */
  out: string;
  /** how often a progress line is printed when stderr is not a terminal */
  intervalMs?: number;
  now?: () => number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** [done/total] rate documents/s, ETA: the progress line's counts (in documents, or another unit). */
function countText(done: number, total: number, perSecond: number, etaSeconds: number, unit = 'documents'): string {
  return `[${done}/${total}] ${perSecond} ${unit}/s, ETA ${duration(etaSeconds)}`;
}

/**
 * What a tool reading a built corpus document by document shows while it reads (export, review,
 * link, validate, diff): on a terminal a line kept up to date (what it is doing, done/total, rate,
 * ETA; stderr), redrawn at most every 100 ms; elsewhere a plain line every interval, so that logs of
 * a national corpus's hour-long export show life. Nothing with --quiet. Driven by the reading loop
 * (step per document), which is synchronous between documents, so that a timer would not fire.
 */
export class ReadingProgress {
  private readonly started: number;
  private last: number;
  private lineShown = false;

  constructor(
    private readonly io: Io,
    /** what the tool is doing: exporting, validating, … */
    private readonly label: string,
    private readonly opts: { quiet?: boolean; intervalMs?: number; now?: () => number; unit?: string } = {},
  ) {
    this.started = this.now();
    this.last = this.started;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** `done` of `total` documents (or units) read. */
  readonly step = (done: number, total: number): void => {
    if (this.opts.quiet) return;
    const now = this.now();
    const tty = this.io.stderrIsTTY;
    if (now - this.last < (tty ? 100 : (this.opts.intervalMs ?? 5000))) return;
    this.last = now;
    const elapsed = Math.max(1e-3, (now - this.started) / 1000);
    const perSecond = done / elapsed;
    const text = `${this.label} ${countText(done, total, Math.round(perSecond * 10) / 10, perSecond > 0 ? Math.round((total - done) / perSecond) : Infinity, this.opts.unit)}`;
    if (tty) {
      this.io.stderr(`${this.lineShown ? '\r\x1b[K' : ''}${text}`);
      this.lineShown = true;
    } else this.io.stderr(`progress ${text}\n`);
  };

  /** Reading is over: the terminal's line is cleared. */
  stop(): void {
    if (this.lineShown) this.io.stderr('\r\x1b[K');
    this.lineShown = false;
  }
}

/** Run `work` with the progress of its reading shown (ReadingProgress), the line cleared however the work ends. */
export async function withReadingProgress<T>(io: Io, label: string, quiet: boolean | undefined, work: (step: (done: number, total: number) => void) => T | Promise<T>): Promise<T> {
  const progress = new ReadingProgress(io, label, { quiet });
  try {
    return await work(progress.step);
  } finally {
    progress.stop();
  }
}

/**
 * What a build shows while it runs: each document's result line as it finishes (stdout); on a
 * terminal a progress line kept up to date (done/total, rate, ETA, failures; stderr), elsewhere a
 * plain progress line every few seconds so logs show life; with --log-format json, one JSON object
 * per event on stdout instead.
 */
export class ProgressReporter {
  private readonly started: number;
  private done = 0;
  private total = 0;
  private failed = 0;
  private timer: NodeJS.Timeout | null = null;
  private lineShown = false;

  constructor(
    private readonly io: Io,
    private readonly opts: ProgressOptions,
  ) {
    this.started = this.now();
    // --quiet: nothing but results and errors, so no progress line either (JSON events are results)
    if ((!io.stderrIsTTY && !opts.quiet) || opts.format === 'json') {
      this.timer = setInterval(() => this.tick(), opts.intervalMs ?? 5000);
      this.timer.unref();
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private stats(): { done: number; total: number; failed: number; perSecond: number; etaSeconds: number } {
    const elapsed = Math.max(1e-3, (this.now() - this.started) / 1000);
    const perSecond = this.done / elapsed;
    return { done: this.done, total: this.total, failed: this.failed, perSecond: Math.round(perSecond * 10) / 10, etaSeconds: perSecond > 0 ? Math.round((this.total - this.done) / perSecond) : Infinity };
  }

  private progressText(): string {
    const s = this.stats();
    return `${countText(s.done, s.total, s.perSecond, s.etaSeconds)}${s.failed ? `, ${plural(s.failed, 'failure')}` : ''}`;
  }

  private tick(): void {
    if (this.total === 0 || this.done === this.total) return;
    if (this.opts.format === 'json') this.io.stdout(`${JSON.stringify({ event: 'progress', ...this.stats() })}\n`);
    else this.io.stderr(`progress ${this.progressText()}\n`);
  }

  private clearLine(): void {
    if (this.lineShown) this.io.stderr('\r\x1b[K');
    this.lineShown = false;
  }

  /** One document finished. */
  document(done: number, total: number, entry: IndexEntry): void {
    this.done = done;
    this.total = total;
    if (entry.status === 'failed') this.failed++;
    if (this.opts.format === 'json') {
      this.io.stdout(`${JSON.stringify({ event: 'document', done, total, ...entry })}\n`);
      return;
    }
    const tty = this.io.stderrIsTTY;
    if (tty) this.clearLine();
    if (entry.status === 'failed') {
      const line = `failed  ${entry.source}: ${entry.error?.code}: ${entry.error?.message}\n`;
      if (this.opts.quiet) this.io.stderr(line);
      else this.io.stdout(line);
    } else if (!this.opts.quiet) {
      this.io.stdout(`ok      ${entry.source} → ${this.opts.out}/${entry.output}${entry.warnings ? ` (${plural(entry.warnings, 'warning')})` : ''}\n`);
    }
    if (tty && !this.opts.quiet && done < total) {
      this.io.stderr(this.progressText());
      this.lineShown = true;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.io.stderrIsTTY) this.clearLine();
  }

  /** The end of a build: counts, what was left out or removed, warnings by code, and why --strict failed. */
  summary(r: BuildResult, strictFail: boolean): void {
    const codes = Object.entries(r.warnings.byCode);
    const warned = r.index.documents.filter((e) => e.warnings > 0).length;
    // what the warnings are: by code for the documents built now, a count for those kept unchanged
    const keptNote = r.kept.warnings > 0 ? `${plural(r.kept.warnings, 'warning')} in ${plural(r.kept.warnedDocuments, 'unchanged document')}` : '';
    const why = [...codes.map(([c, k]) => `${c} ×${k}`), ...(keptNote ? [keptNote] : [])].join(', ');
    if (this.opts.format === 'json') {
      this.io.stdout(`${JSON.stringify({ event: 'done', documents: r.index.documents.length, failed: r.failed, warnings: r.warnings, kept: r.kept, skipped: r.skipped, removed: r.removed, strictFail })}\n`);
      return;
    }
    for (const s of r.skipped) this.io.stderr(`skipped ${s.path}: ${s.reason}\n`);
    if (this.opts.quiet) {
      if (strictFail) this.io.stderr(`--strict: exit 1 because ${plural(warned, 'document')} ${warned === 1 ? 'has' : 'have'} warnings (${why})\n`);
      return;
    }
    const n = r.index.documents.length;
    this.io.stdout(`${n - r.failed} of ${n} documents written to ${this.opts.out}/ (index.json)\n`);
    if (r.kept.documents > 0) this.io.stdout(`${plural(r.kept.documents, 'document')} unchanged since the last build, kept as ${r.kept.documents === 1 ? 'it was' : 'they were'}${keptNote ? ` (${keptNote}: plancorpus review lists them)` : ''}\n`);
    if (r.removed.length) this.io.stdout(`removed ${plural(r.removed.length, 'file')} of an earlier build that index.json no longer lists: ${r.removed.join(', ')}\n`);
    if (codes.length) {
      this.io.stdout(`warnings: ${codes.map(([c, k]) => `${c} ×${k}`).join(', ')}\n`);
      for (const w of r.warnings.first) this.io.stdout(`  ${w.code}  ${w.source}${w.line !== null ? ` L${w.line}` : ''}: ${w.message}\n`);
    }
    if (strictFail) this.io.stdout(`--strict: exit 1 because ${plural(warned, 'document')} ${warned === 1 ? 'has' : 'have'} warnings (${why})\n`);
  }
}
