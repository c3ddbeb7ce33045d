/**
 * The corpus on disk: ONE reader and ONE writer for every tool (build, diff, export, review,
 * validate, the library's loadCorpus). A corpus folder holds index.json, one `<id>.json` per ok
 * document, and for PDFs (and other extracted inputs) `<id>.source.txt`, the text positions refer to.
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CorpusIndex, type IndexEntry } from '../schemas/corpus.js';
import type { PlanDocument } from '../schemas/document.js';
import { describeIssues, formatProblems, validateDocument } from '../pipeline/emit/validate.js';
import { serializedBytes, writeAtomic, type JsonLayout } from '../pipeline/emit/write.js';
import { isTemporary } from '../core/atomic-write.js';

/** A corpus folder or file that cannot be read or does not validate; `file` names it. */
export class CorpusError extends Error {
  override name = 'CorpusError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CorpusError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, file);
  }
}

/** An open corpus folder: its validated index, and its documents read one at a time when asked for. */
export interface CorpusReader {
  dir: string;
  index: CorpusIndex;
  /** the index entries of documents that were built (status ok) */
  built(): IndexEntry[];
  /** the raw text of an entry's document file */
  text(entry: IndexEntry): string;
  /** an entry's document, validated against the full schema */
  document(entry: IndexEntry): PlanDocument;
  /** an entry's document read with a narrower schema (the parts a tool needs) */
  documentAs<T>(entry: IndexEntry, schema: z.ZodType<T>): T;
  /** every built document in index order, validated, one at a time */
  documents(): AsyncIterable<PlanDocument>;
}

/**
 * Open a corpus folder: index.json is read and validated now (no two entries with one id, every ok
 * entry with an output file); documents are read only when asked for. Errors are CorpusErrors.
 */
export async function openCorpus(dir: string): Promise<CorpusReader> {
  let st;
  try {
    st = await stat(dir);
  } catch {
    throw new CorpusError(`${dir}: no such folder`, dir);
  }
  if (!st.isDirectory()) throw new CorpusError(`${dir} is not a folder`, dir);
  const indexFile = join(dir, 'index.json');
  let text: string;
  try {
    text = await readFile(indexFile, 'utf8');
  } catch {
    throw new CorpusError(`${dir} has no index.json: not a corpus folder`, indexFile);
  }
  const value = parseJson(text, indexFile);
  const parsed = CorpusIndex.safeParse(value);
  if (!parsed.success) throw new CorpusError(`${indexFile} does not validate: ${formatProblems(describeIssues(value, parsed.error))}`, indexFile);
  const index = parsed.data;
  const seen = new Set<string>();
  for (const e of index.documents) {
    if (seen.has(e.id)) throw new CorpusError(`${indexFile} lists document ${e.id} twice`, indexFile);
    seen.add(e.id);
    if (e.status === 'ok' && !e.output) throw new CorpusError(`${indexFile}: document ${e.id} is ok but has no output file`, indexFile);
  }
  const fileOf = (entry: IndexEntry): string => join(dir, entry.output ?? '');
  const readText = (entry: IndexEntry): string => {
    try {
      return readFileSync(fileOf(entry), 'utf8');
    } catch {
      throw new CorpusError(`cannot read ${fileOf(entry)} (document ${entry.id} of ${indexFile})`, fileOf(entry));
    }
  };
  const document = (entry: IndexEntry): PlanDocument => {
    const file = fileOf(entry);
    const r = validateDocument(parseJson(readText(entry), file));
    if (!r.ok) throw new CorpusError(`${file} does not validate: ${formatProblems(r.problems)}`, file);
    if (r.document.id !== entry.id) throw new CorpusError(`${file} holds document ${r.document.id}, but ${indexFile} says ${entry.id}`, file);
    return r.document;
  };
  const built = (): IndexEntry[] => index.documents.filter((e) => e.status === 'ok');
  return {
    dir,
    index,
    built,
    text: readText,
    document,
    documentAs<T>(entry: IndexEntry, schema: z.ZodType<T>): T {
      const file = fileOf(entry);
      const value = parseJson(readText(entry), file);
      const r = schema.safeParse(value);
      if (!r.success) throw new CorpusError(`${file} does not validate: ${formatProblems(describeIssues(value, r.error))}`, file);
      return r.data;
    },
    async *documents() {
      for (const e of built()) yield document(e);
    },
  };
}

/** Told after each document a tool has read: how many of how many. */
export type ReadProgress = (done: number, total: number) => void;

/**
 * The built documents of an open corpus read with `schema`, one at a time in index order, so that a
 * tool over a national corpus holds one document, not all of them. A document that cannot be read
 * or does not validate is passed to `skipped` with why, and the rest are still read.
 */
export function* readEach<T>(corpus: CorpusReader, schema: z.ZodType<T>, skipped: (id: string, message: string) => void, progress?: ReadProgress): Generator<{ entry: IndexEntry; doc: T }> {
  const entries = corpus.built();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    let doc: T | null = null;
    try {
      doc = corpus.documentAs(entry, schema);
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
      skipped(entry.id, err.message);
    }
    if (doc !== null) yield { entry, doc };
    progress?.(i + 1, entries.length);
  }
}

/**
 * Where a build writes: a document with its extracted text, and the index. An interface so that a
 * store other than a folder (an object store) can take the same documents.
 */
export interface CorpusWriter {
  /** write one document (and its extracted text, for inputs positions refer to) atomically; returns the document file's name */
  writeDocument(document: PlanDocument, extractedText?: string): Promise<string>;
  writeIndex(index: CorpusIndex): Promise<void>;
}

/** A corpus folder on a (possibly shared) file system: every file written atomically (temporary file, then rename). */
export function folderWriter(dir: string, layout: JsonLayout = 'indented'): CorpusWriter {
  return {
    async writeDocument(document, extractedText) {
      const extracted = document.source.extracted;
      if (extracted && extractedText !== undefined) await writeAtomic(join(dir, extracted.path), extractedText);
      const output = `${document.id}.json`;
      await writeAtomic(join(dir, output), serializedBytes(document, layout));
      return output;
    },
    async writeIndex(index) {
      await writeAtomic(join(dir, 'index.json'), serializedBytes(index));
    },
  };
}

/** Is this JSON text a plancorpus document (not some other JSON a user keeps in the folder)? */
function isDocumentJson(text: string): boolean {
  try {
    const v = JSON.parse(text) as { schemaVersion?: unknown; id?: unknown; source?: { sha256?: unknown } };
    return typeof v.schemaVersion === 'string' && typeof v.id === 'string' && typeof v.source?.sha256 === 'string';
  } catch {
    return false;
  }
}

/**
 * Files of a corpus folder that its index.json does not account for: plancorpus documents and
 * extracted texts of earlier builds, and temporary files of an interrupted one. Other files are not
 * plancorpus's and are never listed.
 */
export async function unlistedFiles(dir: string, index: CorpusIndex): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const outputs = new Set(index.documents.flatMap((e) => (e.status === 'ok' && e.output ? [e.output, `${e.id}.source.txt`] : [])));
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name === 'index.json' || outputs.has(name)) continue;
    if (isTemporary(name)) out.push(name);
    else if (name.endsWith('.source.txt')) out.push(name);
    else if (name.endsWith('.json') && isDocumentJson(await readFile(join(dir, name), 'utf8'))) out.push(name);
  }
  return out;
}

/** Remove what unlistedFiles finds, after a build has written its index: a re-build leaves no stale documents. */
export async function removeStale(dir: string, index: CorpusIndex): Promise<string[]> {
  const { rm } = await import('node:fs/promises');
  const stale = await unlistedFiles(dir, index);
  for (const name of stale) await rm(join(dir, name), { force: true });
  return stale;
}
