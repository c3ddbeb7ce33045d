import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import pLimit from 'p-limit';
import { CorpusIndex, type IndexEntry } from '../schemas/corpus.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import type { PipelineOptions } from '../pipeline/document.js';
import { uniqueIds } from '../pipeline/emit/document-id.js';
import { extensionFormat } from '../pipeline/ingest/format.js';
import { folderWriter, removeStale } from './store.js';
import { resolveInputs, NoInputsError, type Discovery } from './inputs.js';
import { plainError } from './plain-error.js';
import { buildOne, type BuildEvent, type BuildJob, type WarningNote } from './workers/build-one.js';
import { runPool, workerScript } from './workers/pool.js';
import { TOOL_VERSION } from '../core/version.js';
import { indexUnchanged, pipelineKey, pipelineVersion, previousIndex, reusableEntries } from './incremental.js';

export { INPUT_EXTENSIONS, resolveInputs, NoInputsError, type Discovery, type ResolvedInput } from './inputs.js';
export type { BuildEvent, WarningNote } from './workers/build-one.js';

/** Inputs larger than this are refused unless --max-bytes says otherwise: far above any real plan (a few MB). */
export const DEFAULT_MAX_BYTES = 50_000_000;

/**
 * What a byte of input costs to build, in bytes of plain text: a PDF's pages are laid out from
 * pdfjs's text and drawing operators (fixtures/pdf/rendered-000.pdf, 868 KB, and the Yunnan outline
 * of ../shared/corpora, 668 KB, took 1.0–1.6 s past the fixed start, what 8–12 MB of text takes);
 * a .docx is zipped XML (45 KB held 66 KB of text); other inputs are their text.
 */
export function inputWork(path: string, bytes: number): number {
  const format = extensionFormat(path);
  return format === 'pdf' ? bytes * 12 : format === 'docx' ? bytes * 2 : bytes;
}

/**
 * Work (bytes of text, inputWork) each worker thread should get, for its start and its own JIT
 * warm-up to pay off. Fixture-sized documents (80 KB), one thread against two workers on two cores,
 * three builds each: 50 documents (4 MB) 1.4–1.7 s against 2.0–2.3 s, 200 (16 MB) 2.8–3.1 s against
 * 3.1–3.2 s, 300 (24 MB) 3.8–4.6 s against 3.9–4.7 s, 400 (32 MB) 4.3–4.9 s against 3.9–4.2 s, 600
 * (48 MB) 6.4–6.9 s against 5.5–5.8 s; the workers also cost ~100 MB more.
 */
export const WORK_PER_WORKER = 16_000_000;

/**
 * How many worker threads a build gets when the user does not say: one per core, as many as the
 * work keeps busy past their start (WORK_PER_WORKER each), when that is two or more; on one core,
 * one worker once the work would fill it, since a worker's heap is sized for the pipeline
 * (WORKER_YOUNG_GENERATION_MB) and this thread's cannot be from inside the process (1,000 documents
 * pinned to one core: 12.4 s on a worker against 14.2 s here, 211 against 248 MB); else none, and
 * the documents are built in this thread.
 */
export function autoWorkers(work: number, cores: number = availableParallelism()): number {
  const n = Math.min(cores, Math.floor(work / WORK_PER_WORKER));
  if (n >= 2) return n;
  return cores === 1 && n === 1 ? 1 : 0;
}

export interface BuildOptions extends PipelineOptions {
  /** worker threads to build on: 0 builds in this thread, 1 or more on that many worker threads; 'auto' (the default) decides by cores and the work to do (autoWorkers); each worker loads its own pipeline from the same options */
  workers?: number | 'auto';
  /** files, folders or globs */
  inputs: readonly string[];
  /** folder the relative source paths are taken from (default: the current folder) */
  root?: string;
  outDir: string;
  concurrency?: number;
  /** inputs larger than this many bytes fail with too-large before they are read (default DEFAULT_MAX_BYTES) */
  maxBytes?: number;
  /** per-document time limit in seconds: a document past it fails alone (builds on worker threads, at least one) */
  timeout?: number;
  /** per-worker heap limit in MB: a document that needs more fails alone (builds on worker child processes, at least one: see PoolOptions.maxMemoryMb) */
  maxMemoryMb?: number;
  /** write each document's JSON compact, on one line (half the bytes, serialized in half the time); index.json stays indented. Part of the build key: switching layout rebuilds */
  compact?: boolean;
  /** rebuild and rewrite every document, even those unchanged since the last build into outDir */
  force?: boolean;
  /** each document as it finishes (or is kept unchanged), with how many are done */
  onProgress?: (done: number, total: number, entry: IndexEntry, event: BuildEvent) => void;
}

export interface BuildResult {
  index: CorpusIndex;
  failed: number;
  /** inputs found and left out (devices, link loops, corpus folders), with why */
  skipped: Discovery['skipped'];
  /** documents' warnings: count by code, and the first few of each with their documents */
  warnings: { byCode: Record<string, number>; first: Array<WarningNote & { source: string }> };
  /** files of earlier builds removed from the output folder because this index no longer lists them */
  removed: string[];
  /** documents kept unchanged from the last build (not rebuilt): how many, and their warnings (not in `warnings`, which counts what this run built) */
  kept: { documents: number; warnings: number; warnedDocuments: number };
}

/** Warnings shown per code in the summary. */
const SUMMARY_NOTES = 3;

/** The batch itself: one JSON per input plus index.json; `onEntry` hears each document as it finishes. */
async function runBuild(options: BuildOptions, onEntry: (entry: IndexEntry) => void): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(options.outDir);
  // an output folder inside an input folder is not read back (it holds <id>.source.txt files)
  const outStat = await stat(outDir).catch(() => null);
  if (outStat && !outStat.isDirectory()) throw new NoInputsError(`--out ${options.outDir} is a file, not a folder`);
  for (const input of options.inputs) {
    if (resolve(root, input) === outDir) throw new NoInputsError(`--out ${options.outDir} is also an input folder: write the corpus somewhere else`);
  }
  // nor is the rules file read as an input
  const rulesFile = typeof options.rules === 'string' ? [resolve(root, options.rules)] : [];
  const { inputs: resolved, skipped } = await resolveInputs(options.inputs, root, [outDir, ...rulesFile]);
  // fail before anything is written: a mistyped input must not replace an existing corpus's index
  if (resolved.length === 0) throw new NoInputsError(`no input files found in: ${options.inputs.join(', ')}${skipped.length ? ` (left out: ${skipped.map((x) => `${x.path}: ${x.reason}`).join('; ')})` : ''}`);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new NoInputsError(`cannot use ${options.outDir} as the output folder: ${plainError(err)}`);
  }
  const rel = resolved.map((r) => r.path);
  const ids = uniqueIds(rel);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const jobs: BuildJob[] = resolved.map((r) => ({ id: ids.get(r.path)!, path: r.path, file: r.file, outDir, maxBytes, ...(options.compact ? { compact: true } : {}) }));
  const work = new Map(resolved.map((r) => [r.file, inputWork(r.path, r.bytes)]));
  let done = 0;
  const byCode: Record<string, number> = {};
  const first: BuildResult['warnings']['first'] = [];
  const progress = (event: BuildEvent): void => {
    for (const [code, n] of Object.entries(event.warnings.byCode)) byCode[code] = (byCode[code] ?? 0) + n;
    for (const w of event.warnings.first) if (first.filter((f) => f.code === w.code).length < SUMMARY_NOTES) first.push({ ...w, source: event.entry.source });
    options.onProgress?.(++done, jobs.length, event.entry, event);
    onEntry(event.entry);
  };
  // incremental (corpus/incremental.ts): an unchanged input built by the same pipeline keeps its entry and file
  const build = pipelineKey(pipelineVersion(options));
  const kept = options.force ? jobs.map(() => undefined) : await reusableEntries(jobs, await previousIndex(outDir), outDir, build);
  const todo = jobs.filter((_, k) => kept[k] === undefined);
  const stamp = (event: BuildEvent): BuildEvent => ({ ...event, entry: { ...event.entry, build } });
  for (const entry of kept) if (entry) progress({ entry, warnings: { byCode: {}, first: [] } });
  const limited = options.timeout !== undefined || options.maxMemoryMb !== undefined;
  const asked = options.workers ?? 'auto';
  const workers = Math.min(Math.max(asked === 'auto' ? (workerScript() ? autoWorkers(todo.reduce((sum, job) => sum + work.get(job.file)!, 0)) : 0) : asked, limited ? 1 : 0), todo.length);
  let events: BuildEvent[];
  if (todo.length === 0) {
    events = [];
  } else if (limited && !workerScript()) {
    throw new Error('--timeout and --max-memory run documents on workers (threads, or processes under --max-memory): build the compiled worker first (npm run build)');
  } else if ((workers >= 1 || limited) && workerScript()) {
    events = (await runPool(todo, { workers, setup: { rules: options.rules, ocr: options.ocr, maxPages: options.maxPages }, timeoutMs: options.timeout !== undefined ? options.timeout * 1000 : undefined, maxMemoryMb: options.maxMemoryMb }, (e) => progress(stamp(e)))).map(stamp);
  } else {
    // loaded only when something is to be built: an unchanged re-run never pays for the pipeline's modules
    const { createPipeline } = await import('../pipeline/document.js');
    const pipeline = createPipeline(options);
    const limit = pLimit(options.concurrency ?? 2);
    events = await Promise.all(
      todo.map((job) =>
        limit(async () => {
          const event = stamp(await buildOne(job, pipeline));
          progress(event);
          return event;
        }),
      ),
    );
  }
  let next = 0;
  const entries = kept.map((entry) => entry ?? events[next++].entry);
  const index = CorpusIndex.parse({ schemaVersion: SCHEMA_VERSION, tool: { name: 'plancorpus', version: TOOL_VERSION }, documents: entries });
  if (!(await indexUnchanged(outDir, index))) await folderWriter(outDir).writeIndex(index);
  const removed = await removeStale(outDir, index);
  const sortedCodes = Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1)));
  const keptEntries = kept.filter((e): e is IndexEntry => e !== undefined);
  const keptSummary = { documents: keptEntries.length, warnings: keptEntries.reduce((n, e) => n + e.warnings, 0), warnedDocuments: keptEntries.filter((e) => e.warnings > 0).length };
  return { index, failed: entries.filter((e) => e.status === 'failed').length, skipped, warnings: { byCode: sortedCodes, first }, removed, kept: keptSummary };
}

/**
 * A running build: await it for the result (the index and the failure count), or iterate it to
 * take each document's index entry as soon as it is written — for big batches, where a caller
 * wants to report or act on documents while the rest are still being built.
 */
export class CorpusBuild implements PromiseLike<BuildResult>, AsyncIterable<IndexEntry> {
  private readonly done: Promise<BuildResult>;
  private readonly entries: IndexEntry[] = [];
  private waiting: Array<() => void> = [];
  private finished = false;

  constructor(options: BuildOptions) {
    this.done = runBuild(options, (entry) => {
      this.entries.push(entry);
      this.wakeAll();
    });
    const settle = (): void => {
      this.finished = true;
      this.wakeAll();
    };
    this.done.then(settle, settle);
  }

  private wakeAll(): void {
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f();
  }

  then<A = BuildResult, B = never>(onOk?: ((r: BuildResult) => A | PromiseLike<A>) | null, onErr?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.done.then(onOk, onErr);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<IndexEntry> {
    let next = 0;
    for (;;) {
      while (next < this.entries.length) yield this.entries[next++];
      if (this.finished) {
        await this.done; // a build that failed as a whole (no inputs, unusable output folder) throws here
        return;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}

/** Build a corpus: one validated JSON per input plus index.json. A failing document never stops the batch. */
export function buildCorpus(options: BuildOptions): CorpusBuild {
  return new CorpusBuild(options);
}
