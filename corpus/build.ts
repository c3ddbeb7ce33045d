import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import pLimit from 'p-limit';
import { CorpusIndex, type IndexEntry } from '../schemas/corpus.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import type { PipelineOptions } from '../pipeline/document.js';
import { uniqueIds } from '../pipeline/emit/document-id.js';
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

/** Documents a worker thread should get at least, for its start (modules, data, a cold compiler: ~0.3 s of CPU) to pay off. */
export const DOCUMENTS_PER_WORKER = 16;

/**
 * Documents from which a one-core machine builds on one worker thread rather than in this thread: a
 * worker's heap is sized for the pipeline (WORKER_YOUNG_GENERATION_MB), which this thread's cannot be
 * from inside the process. On one core (taskset -c 0), 1,000 documents took 12.5 s on a worker
 * against 14.0 s here, at 215 against 255 MB; the worker's start costs ~0.12 s, repaid by ~100.
 */
export const ONE_WORKER_DOCUMENTS = 200;

/**
 * How many worker threads a build gets when the user does not say: one per core, when there are
 * at least two cores and enough documents to keep each worker busy past its start; one on a
 * single core for a big batch (ONE_WORKER_DOCUMENTS); else none (the documents are built in this thread).
 */
export function autoWorkers(documents: number, cores: number = availableParallelism()): number {
  const n = Math.min(cores, Math.floor(documents / DOCUMENTS_PER_WORKER));
  if (n >= 2) return n;
  return documents >= ONE_WORKER_DOCUMENTS ? 1 : 0;
}

export interface BuildOptions extends PipelineOptions {
  /** worker threads to build on: 0 builds in this thread, 1 or more on that many worker threads; 'auto' (the default) decides by cores and documents (autoWorkers); each worker loads its own pipeline from the same options */
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
  /** per-worker heap limit in MB: a document that needs more fails alone (builds on worker threads, at least one) */
  maxMemoryMb?: number;
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
  const jobs: BuildJob[] = resolved.map((r) => ({ id: ids.get(r.path)!, path: r.path, file: r.file, outDir, maxBytes }));
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
  const workers = Math.min(Math.max(asked === 'auto' ? (workerScript() ? autoWorkers(todo.length) : 0) : asked, limited ? 1 : 0), todo.length);
  let events: BuildEvent[];
  if (todo.length === 0) {
    events = [];
  } else if (limited && !workerScript()) {
    throw new Error('--timeout and --max-memory run documents on worker threads: build the compiled worker first (npm run build)');
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
