import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../pipeline/ingest/index.js';
import { CorpusError, openCorpus, unlistedFiles, type ReadProgress } from './store.js';

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
    documents++;
    progress?.(documents - 1, built.length);
    let document;
    try {
      document = corpus.document(e);
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
      problems.push({ id: e.id, message: err.message });
      continue;
    }
    if (document.source.sha256 !== e.sha256) problems.push({ id: e.id, message: 'document sha256 differs from index.json' });
    else if (document.source.extracted) {
      // the positions of a PDF (or other extracted input) refer to its extracted text: it must be there, unchanged
      const x = document.source.extracted;
      let text: string | null = null;
      try {
        text = await readFile(join(dir, x.path), 'utf8');
      } catch {
        problems.push({ id: e.id, message: `extracted text ${x.path} is missing` });
      }
      if (text !== null && sha256(text) !== x.sha256) problems.push({ id: e.id, message: `extracted text ${x.path} does not match its sha256` });
    }
  }
  const valid = documents - problems.length;
  for (const name of await unlistedFiles(dir, corpus.index)) {
    if (!name.endsWith('.tmp')) problems.push({ id: name, message: `${name} is a plancorpus file that index.json does not list (left from another build?)` });
  }
  return { documents, valid, problems };
}

