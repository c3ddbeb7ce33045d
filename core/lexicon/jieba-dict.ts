import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { writeAtomicSync } from '../atomic-write.js';
import { buildDictTable, DictTable, dictTableKey, DICT_TABLE_FORMAT, type DictTotals } from './dict-table.js';

/**
 * jieba's word frequencies (the dictionary nodejieba ships) as a compact prebuilt table, loaded
 * once per process on first use: from `dist/jieba-dict.bin` (written by `npm run build`), else from
 * the user's cache folder, else built from the text dictionary and cached there. A worker thread
 * can be handed the table's SharedArrayBuffer instead of reading it again (`useDictTable`).
 */

let table: DictTable | null = null;

/** Path of the main dictionary shipped inside the installed nodejieba package. */
export function jiebaDictPath(): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('nodejieba/package.json'));
  return join(root, 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

/** What a table must have been built from: nodejieba's version and its dictionary's size. */
export function jiebaDictKey(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('nodejieba/package.json') as { version: string };
  return `nodejieba@${version} ${statSync(jiebaDictPath()).size}`;
}

/** Where the table built by `npm run build` lives in the package. */
export const BUILT_TABLE = join(PACKAGE_ROOT, 'dist', 'jieba-dict.bin');

/** The user's cache folder for tables built at run time (PLANCORPUS_CACHE_DIR, else XDG_CACHE_HOME or ~/.cache). */
export function cacheTablePath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.PLANCORPUS_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plancorpus');
  return join(dir, `jieba-dict.v${DICT_TABLE_FORMAT}.bin`);
}

/** A file read straight into shared memory, or null when it is missing. */
function readShared(file: string): SharedArrayBuffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const view = new Uint8Array(shared);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, view, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === size ? shared : null;
  } finally {
    closeSync(fd);
  }
}

/** The table's bytes in shared memory: the built one, the cached one, or a new one (then cached, when the folder is writable). */
export function loadDictTableBuffer(key = jiebaDictKey(), candidates = [BUILT_TABLE, cacheTablePath()]): SharedArrayBuffer {
  for (const file of candidates) {
    const shared = readShared(file);
    if (shared && dictTableKey(new Uint8Array(shared)) === key) return shared;
  }
  const bytes = buildDictTable(readFileSync(jiebaDictPath(), 'utf8'), key);
  try {
    writeAtomicSync(candidates[candidates.length - 1], bytes);
  } catch {
    // a read-only cache folder only costs the next process the same 0.3 s build
  }
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/** The loaded table (loading it on first use). */
export function dictTable(): DictTable {
  if (!table) table = new DictTable(loadDictTableBuffer());
  return table;
}

/** Use a table another thread loaded (its SharedArrayBuffer), instead of reading one. */
export function useDictTable(buffer: ArrayBufferLike): void {
  table = new DictTable(buffer);
}

/** Summed frequency of the dictionary words that contain the character (jieba's dictionary). */
export function dictCharFrequency(ch: string): number {
  return dictTable().charFrequency(ch);
}

/** Frequency of a word in jieba's dictionary, 0 when absent. */
export function dictWordFrequency(word: string): number {
  return dictTable().wordFrequency(word);
}

/** Sum and smallest non-zero frequency of jieba's dictionary, and its longest word: what a max-probability segmentation weighs with. */
export function dictTotals(): DictTotals {
  return dictTable().totals;
}
