import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import pLimit from 'p-limit';
import { CorpusIndex, type IndexEntry } from '../schemas/corpus.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import type { PipelineOptions } from '../pipeline/document.js';
import { uniqueIds } from '../pipeline/emit/document-id.js';
import { folderWriter } from './store.js';
import { buildOne, type BuildJob } from './workers/build-one.js';
import { runPool, workerScript } from './workers/pool.js';
import { TOOL_VERSION } from '../core/version.js';
import { indexUnchanged, pipelineKey, pipelineVersion, previousIndex, reusableEntries } from './incremental.js';

export const INPUT_EXTENSIONS = ['txt', 'pdf'];

export interface BuildOptions extends PipelineOptions {
  /** worker threads to build on: 0 builds in this thread; each worker loads its own pipeline from the same options */
  workers?: number;
  /** files, folders or globs */
  inputs: readonly string[];
  /** folder the relative source paths are taken from (default: the current folder) */
  root?: string;
  outDir: string;
  concurrency?: number;
  /** rebuild and rewrite every document, even those unchanged since the last build into outDir */
  force?: boolean;
  onProgress?: (done: number, total: number, entry: IndexEntry) => void;
}

export interface BuildResult {
  index: CorpusIndex;
  failed: number;
}

const toPosix = (p: string): string => p.split(sep).join('/');

export interface ResolvedInput {
  /** absolute path */
  file: string;
  /** path relative to its base with / separators: the folder given as input, else the file's own folder */
  path: string;
}

/** Folders never searched for inputs. */
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export class NoInputsError extends Error {
  override name = 'NoInputsError';
}

/**
 * Expand inputs (files, folders, globs) to a sorted list. A file found under a folder input is named
 * relative to that folder (fixtures/ → 000.txt), a file or glob match by its own name; names never
 * depend on the current folder. Two different files with the same name keep their folder's name in front.
 */
export async function resolveInputs(inputs: readonly string[], root: string, exclude: readonly string[] = []): Promise<ResolvedInput[]> {
  const found = new Map<string, { base: string; rel: string }>();
  const excluded = (file: string): boolean => exclude.some((dir) => file === dir || file.startsWith(dir + sep));
  const exts = `{${INPUT_EXTENSIONS.join(',')},${INPUT_EXTENSIONS.map((e) => e.toUpperCase()).join(',')}}`;
  const add = (file: string, base: string): void => {
    if (!found.has(file) && !excluded(file)) found.set(file, { base, rel: toPosix(relative(base, file)) });
  };
  for (const input of inputs) {
    const abs = resolve(root, input);
    let st = null;
    try {
      st = await stat(abs);
    } catch {
      st = null;
    }
    if (st?.isFile()) add(abs, dirname(abs));
    else if (st?.isDirectory()) {
      for (const f of await fg(`**/*.${exts}`, { cwd: abs, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE })) add(resolve(f), abs);
    } else {
      for (const f of await fg(toPosix(input), { cwd: root, absolute: true, onlyFiles: true, ignore: IGNORE })) add(resolve(f), dirname(resolve(f)));
    }
  }
  // the same name from two places: put the base folder's own name in front (d1/a.txt, d2/a.txt)
  const byName = new Map<string, string[]>();
  for (const [file, { rel }] of found) byName.set(rel, [...(byName.get(rel) ?? []), file]);
  const named = [...found].map(([file, { base, rel }]) => ({ file, path: (byName.get(rel)?.length ?? 0) > 1 ? `${basename(base)}/${rel}` : rel }));
  return named.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.file < b.file ? -1 : 1));
}

/** The batch itself: one JSON per input plus index.json; `onEntry` hears each document as it finishes. */
async function runBuild(options: BuildOptions, onEntry: (entry: IndexEntry) => void): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(options.outDir);
  // an output folder inside an input folder is not read back (it holds <id>.source.txt files)
  const resolved = await resolveInputs(options.inputs, root, [outDir]);
  // fail before anything is written: a mistyped input must not replace an existing corpus's index
  if (resolved.length === 0) throw new NoInputsError(`no .txt or .pdf inputs found in: ${options.inputs.join(', ')}`);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new NoInputsError(`cannot use ${options.outDir} as the output folder: ${err instanceof Error ? err.message : String(err)}`);
  }
  const files = resolved.map((r) => r.file);
  const rel = resolved.map((r) => r.path);
  const ids = uniqueIds(rel);
  const jobs: BuildJob[] = files.map((file, k) => ({ id: ids.get(rel[k])!, path: rel[k], file, outDir }));
  let done = 0;
  const progress = (entry: IndexEntry): void => {
    options.onProgress?.(++done, jobs.length, entry);
    onEntry(entry);
  };
  // incremental (corpus/incremental.ts): an unchanged input built by the same pipeline keeps its entry and file
  const build = pipelineKey(pipelineVersion(options));
  const kept = options.force ? jobs.map(() => undefined) : await reusableEntries(jobs, await previousIndex(outDir), outDir, build);
  const todo = jobs.filter((_, k) => kept[k] === undefined);
  const stamp = (entry: IndexEntry): IndexEntry => ({ ...entry, build });
  for (const entry of kept) if (entry) progress(entry);
  const workers = Math.min(options.workers ?? 0, todo.length);
  let entries: IndexEntry[];
  if (todo.length === 0) {
    entries = [];
  } else if (workers > 1 && workerScript()) {
    entries = (await runPool(todo, workers, { rules: options.rules, ocr: options.ocr }, (e) => progress(stamp(e)))).map(stamp);
  } else {
    // loaded only when something is to be built: an unchanged re-run never pays for the pipeline's modules
    const { createPipeline } = await import('../pipeline/document.js');
    const pipeline = createPipeline(options);
    const limit = pLimit(options.concurrency ?? 2);
    entries = await Promise.all(
      todo.map((job) =>
        limit(async () => {
          const entry = stamp(await buildOne(job, pipeline));
          progress(entry);
          return entry;
        }),
      ),
    );
  }
  let next = 0;
  entries = kept.map((entry) => entry ?? entries[next++]);
  const index = CorpusIndex.parse({ schemaVersion: SCHEMA_VERSION, tool: { name: 'plancorpus', version: TOOL_VERSION }, documents: entries });
  if (!(await indexUnchanged(outDir, index))) await folderWriter(outDir).writeIndex(index);
  return { index, failed: entries.filter((e) => e.status === 'failed').length };
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
