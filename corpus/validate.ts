import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../pipeline/ingest/index.js';
import { CorpusError, openCorpus, unlistedFiles, type CorpusReader, type ReadProgress } from './store.js';
import type { IndexEntry } from '../schemas/corpus.js';

export interface CorpusCheck {
  /** documents index.json lists as built */
  documents: number;
  /** of those, how many passed every check */
  valid: number;
  problems: Array<{ id: string; message: string }>;
}

/** Check an existing corpus folder: index.json and every document it lists against the schemas. */
export async function validateCorpus(dir: string, progress?: ReadProgress): Promise<CorpusCheck> {
  let corpus;
  try {
    corpus = await openCorpus(dir);
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    // a folder that is not a corpus at all is the caller's mistake; a corpus whose index is broken is a finding
    if (err.file === join(dir, 'index.json') && existsSync(err.file)) return { documents: 0, valid: 0, problems: [{ id: 'index.json', message: err.message }] };
    throw err;
  }
  const problems: CorpusCheck['problems'] = [];
  let documents = 0;
  const built = corpus.built();
  for (const e of built) {
    const problem = await documentProblem(corpus, dir, e);
    if (problem) problems.push({ id: e.id, message: problem });
    progress?.(++documents, built.length);
  }
  const valid = documents - problems.length;
  for (const name of await unlistedFiles(dir, corpus.index)) {
    if (!name.endsWith('.tmp')) problems.push({ id: name, message: `${name} is a plancorpus file that index.json does not list (left from another build?)` });
  }
  return { documents, valid, problems };
}

/** What is wrong with one built document of the corpus, or null: it does not read or validate, its sha256 is not the index's, or its extracted text is missing or changed. */
async function documentProblem(corpus: CorpusReader, dir: string, e: IndexEntry): Promise<string | null> {
  let document;
  try {
    document = corpus.document(e);
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    return err.message;
  }
  if (document.source.sha256 !== e.sha256) return 'document sha256 differs from index.json';
  // the positions of a PDF (or other extracted input) refer to its extracted text: it must be there, unchanged
  const x = document.source.extracted;
  if (!x) return null;
  let text: string;
  try {
    text = await readFile(join(dir, x.path), 'utf8');
  } catch {
    return `extracted text ${x.path} is missing`;
  }
  return sha256(text) !== x.sha256 ? `extracted text ${x.path} does not match its sha256` : null;
}
