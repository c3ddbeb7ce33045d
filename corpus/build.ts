import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import pLimit from 'p-limit';
import { CorpusIndex, type IndexEntry } from '../schemas/corpus.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import type { ProcessOptions } from '../pipeline/document.js';
import { uniqueIds } from '../pipeline/emit/document-id.js';
import { serialize, writeAtomic } from '../pipeline/emit/write.js';
import { buildOne, type BuildJob } from './workers/build-one.js';
import { runPool, workerScript } from './workers/pool.js';
import { TOOL_VERSION } from '../core/version.js';
import { INPUT_EXTENSION_LIST } from '../pipeline/ingest/format.js';

/** Extensions of the input formats; a folder's other files are inputs too and fail with unsupported-format. */
export const INPUT_EXTENSIONS = INPUT_EXTENSION_LIST;

export interface BuildOptions extends ProcessOptions {
  /**
   * worker threads to build on: 0 builds in this thread; workers make their own hooks from `rulesFile`
   * (functions do not cross threads), so pass it along with `hooks`
   */
  workers?: number;
  rulesFile?: string;
  /** files, folders or globs */
  inputs: readonly string[];
  /** folder the relative source paths are taken from (default: the current folder) */
  root?: string;
  outDir: string;
  concurrency?: number;
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
      for (const f of await fg('**/*', { cwd: abs, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE })) add(resolve(f), abs);
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

/** Build a corpus: one JSON per input plus index.json. A failing document never stops the batch. */
export async function buildCorpus(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(options.outDir);
  // an output folder inside an input folder is not read back (it holds <id>.source.txt files), nor is the rules file
  const resolved = await resolveInputs(options.inputs, root, [outDir, ...(options.rulesFile ? [resolve(root, options.rulesFile)] : [])]);
  // fail before anything is written: a mistyped input must not replace an existing corpus's index
  if (resolved.length === 0) throw new NoInputsError(`no input files found in: ${options.inputs.join(', ')}`);
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
  const progress = (entry: IndexEntry): void => options.onProgress?.(++done, jobs.length, entry);
  const workers = Math.min(options.workers ?? 0, jobs.length);
  let entries: IndexEntry[];
  if (workers > 1 && workerScript()) {
    entries = await runPool(jobs, workers, { rulesFile: options.rulesFile }, progress);
  } else {
    const limit = pLimit(options.concurrency ?? 2);
    entries = await Promise.all(
      jobs.map((job) =>
        limit(async () => {
          const entry = await buildOne(job, options);
          progress(entry);
          return entry;
        }),
      ),
    );
  }
  const index = CorpusIndex.parse({ schemaVersion: SCHEMA_VERSION, tool: { name: 'plancorpus', version: TOOL_VERSION }, documents: entries });
  await writeAtomic(join(outDir, 'index.json'), serialize(index));
  return { index, failed: entries.filter((e) => e.status === 'failed').length };
}
