import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import pLimit from 'p-limit';
import { CorpusIndex, type IndexEntry } from '../schemas/corpus.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import { processDocument, type ProcessOptions } from './process.js';
import { uniqueIds } from './emit/document-id.js';
import { serialize, writeAtomic } from './emit/write.js';
import { TOOL_VERSION } from './version.js';

export const INPUT_EXTENSIONS = ['txt', 'pdf'];

export interface BuildOptions extends ProcessOptions {
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
  /** path relative to its base with / separators: the folder given as input, else the root */
  path: string;
}

/**
 * Expand inputs (files, folders, globs) to a sorted list. A file found under a folder input is named
 * relative to that folder (fixtures/ → 000.txt); files and globs relative to the root.
 */
export async function resolveInputs(inputs: readonly string[], root: string): Promise<ResolvedInput[]> {
  const found = new Map<string, string>();
  const exts = `{${INPUT_EXTENSIONS.join(',')},${INPUT_EXTENSIONS.map((e) => e.toUpperCase()).join(',')}}`;
  for (const input of inputs) {
    const abs = resolve(root, input);
    let st = null;
    try {
      st = await stat(abs);
    } catch {
      st = null;
    }
    if (st?.isFile()) {
      if (!found.has(abs)) found.set(abs, toPosix(relative(root, abs)));
    } else if (st?.isDirectory()) {
      for (const f of await fg(`**/*.${exts}`, { cwd: abs, absolute: true, onlyFiles: true, dot: false })) {
        const file = resolve(f);
        if (!found.has(file)) found.set(file, toPosix(relative(abs, file)));
      }
    } else {
      for (const f of await fg(toPosix(input), { cwd: root, absolute: true, onlyFiles: true })) {
        const file = resolve(f);
        if (!found.has(file)) found.set(file, toPosix(relative(root, file)));
      }
    }
  }
  return [...found].map(([file, path]) => ({ file, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.file < b.file ? -1 : 1));
}

/** Build a corpus: one JSON per input plus index.json. A failing document never stops the batch. */
export async function buildCorpus(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(options.outDir);
  const resolved = await resolveInputs(options.inputs, root);
  const files = resolved.map((r) => r.file);
  const rel = resolved.map((r) => r.path);
  const ids = uniqueIds(rel);
  const limit = pLimit(options.concurrency ?? 2);
  let done = 0;
  const entries = await Promise.all(
    files.map((file, k) =>
      limit(async (): Promise<IndexEntry> => {
        const path = rel[k];
        const id = ids.get(path)!;
        let entry: IndexEntry;
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file);
        } catch (err) {
          entry = { id, source: path, sha256: null, bytes: null, status: 'failed', error: { code: 'read-error', message: err instanceof Error ? err.message : String(err) }, warnings: 0, output: null };
          options.onProgress?.(++done, files.length, entry);
          return entry;
        }
        const result = await processDocument(id, path, bytes, options);
        if (result.status === 'ok') {
          const output = `${id}.json`;
          await writeAtomic(join(outDir, output), serialize(result.document));
          const warnings = result.document.diagnostics.filter((d) => d.severity !== 'info').length;
          entry = { id, source: path, sha256: result.document.source.sha256, bytes: result.document.source.bytes, status: 'ok', error: null, warnings, output };
        } else {
          entry = { id, source: path, sha256: result.sha256, bytes: result.bytes, status: 'failed', error: result.error, warnings: 0, output: null };
        }
        options.onProgress?.(++done, files.length, entry);
        return entry;
      }),
    ),
  );
  const index = CorpusIndex.parse({ schemaVersion: SCHEMA_VERSION, tool: { name: 'plancorpus', version: TOOL_VERSION }, documents: entries });
  await writeAtomic(join(outDir, 'index.json'), serialize(index));
  return { index, failed: entries.filter((e) => e.status === 'failed').length };
}
