/**
 * Input discovery: files, folders and globs → the documents to build, each once.
 *
 * Folders are walked by hand (not by a glob library that follows links blindly): each real folder
 * is entered once, whatever links lead to it, so a link to its own parent cannot loop; a file
 * reached by two paths is built once; devices, FIFOs and sockets are skipped with a reason; a
 * folder that holds a plancorpus corpus (its index.json) is never read back as input.
 */
import { opendir, readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { plainError } from './plain-error.js';
import { INPUT_EXTENSION_LIST } from '../pipeline/ingest/format.js';

/** The extensions of the input formats (lower case). A folder's other files are inputs too, and fail alone with unsupported-format. */
export const INPUT_EXTENSIONS = INPUT_EXTENSION_LIST;

export interface ResolvedInput {
  /** absolute path as given or found (links not resolved: the name a user recognizes) */
  file: string;
  /** path relative to its base with / separators: the folder given as input, else the file's own folder */
  path: string;
  /** its size when found (for sizing the build; the build reads and checks it again) */
  bytes: number;
}

export interface Discovery {
  inputs: ResolvedInput[];
  /** things found and left out, with why (a device, a link loop, a corpus folder…) */
  skipped: Array<{ path: string; reason: string }>;
}

/** Folders never searched for inputs. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}]/;

export class NoInputsError extends Error {
  override name = 'NoInputsError';
}

const toPosix = (p: string): string => p.split(sep).join('/');

function kindOf(st: Stats): string {
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Does the folder hold a plancorpus corpus (an index.json written by plancorpus)? */
async function isCorpusFolder(dir: string): Promise<boolean> {
  try {
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { tool?: { name?: unknown }; documents?: unknown };
    return index.tool?.name === 'plancorpus' && Array.isArray(index.documents);
  } catch {
    return false;
  }
}

/**
 * Expand inputs (files, folders, globs) to a sorted list. A file found under a folder input is named
 * relative to that folder (fixtures/ → 000.txt), a file or glob match by its own name; names never
 * depend on the current folder. Two different files with the same name keep their folder's name in
 * front. A path that does not exist (and is no glob) throws NoInputsError naming it.
 */
export async function resolveInputs(inputs: readonly string[], root: string, exclude: readonly string[] = []): Promise<Discovery> {
  const found = new Map<string, { file: string; base: string; rel: string; bytes: number }>(); // by real path
  const skipped: Discovery['skipped'] = [];
  const visited = new Set<string>(); // real paths of folders entered
  const excluded = (file: string): boolean => exclude.some((dir) => file === dir || file.startsWith(dir + sep));
  const skip = (path: string, base: string, reason: string): void => void skipped.push({ path: toPosix(relative(base, path)) || basename(path), reason });

  const add = async (file: string, base: string, st: Stats): Promise<void> => {
    if (!st.isFile()) return skip(file, base, kindOf(st));
    const real = await realpath(file);
    if (excluded(file) || excluded(real)) return;
    if (!found.has(real)) found.set(real, { file, base, rel: toPosix(relative(base, file)), bytes: st.size });
  };

  const walk = async (dir: string, base: string): Promise<void> => {
    const real = await realpath(dir);
    if (visited.has(real)) return skip(dir, base, 'a folder already read (a link back into it)');
    visited.add(real);
    if (excluded(dir) || excluded(real)) return;
    if (await isCorpusFolder(dir)) return skip(dir, base, 'holds a plancorpus corpus (index.json): output is not read back as input');
    const names: string[] = [];
    for await (const e of await opendir(dir)) if (!e.name.startsWith('.') && !IGNORED_FOLDERS.has(e.name)) names.push(e.name);
    names.sort();
    for (const name of names) {
      const path = join(dir, name);
      let st: Stats;
      try {
        st = await stat(path); // follows links: a link counts as what it points to
      } catch (err) {
        skip(path, base, plainError(err));
        continue;
      }
      if (st.isDirectory()) await walk(path, base);
      else await add(path, base, st);
    }
  };

  for (const input of inputs) {
    const abs = resolve(root, input);
    let st: Stats | null = null;
    try {
      st = await stat(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !GLOB_CHARS.test(input)) {
        throw new NoInputsError((err as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file or folder: ${input}` : `cannot read ${input}: ${plainError(err)}`);
      }
    }
    if (st?.isDirectory()) await walk(abs, abs);
    else if (st) await add(abs, dirname(abs), st);
    else {
      const { default: fg } = await import('fast-glob'); // loaded for glob patterns only
      const matches = await fg(toPosix(input), { cwd: root, absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (matches.length === 0) throw new NoInputsError(`no file matches ${input}`);
      for (const f of matches.sort()) await add(resolve(f), dirname(resolve(f)), await stat(f));
    }
  }
  // the same name from two places: put the base folder's own name in front (d1/a.txt, d2/a.txt)
  const byName = new Map<string, number>();
  for (const { rel } of found.values()) byName.set(rel, (byName.get(rel) ?? 0) + 1);
  const named = [...found.values()].map(({ file, base, rel, bytes }) => ({ file, path: (byName.get(rel) ?? 0) > 1 ? `${basename(base)}/${rel}` : rel, bytes }));
  return { inputs: named.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.file < b.file ? -1 : 1)), skipped };
}
