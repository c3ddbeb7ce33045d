import { openCorpus } from '../store.js';
import type { PlanDocument } from '../../schemas/document.js';
import type { CorpusSnapshot } from './corpus.js';

/**
 * Open a corpus folder for diffing: index.json is read and validated now; each document is read
 * (and validated against the schema) only when the diff reaches it. Errors are CorpusErrors that
 * name the file.
 */
export async function readCorpusSnapshot(dir: string): Promise<CorpusSnapshot> {
  const corpus = await openCorpus(dir);
  return {
    label: dir,
    index: corpus.index,
    load(entry) {
      const text = corpus.text(entry);
      let doc: PlanDocument | null = null;
      return {
        text,
        document: () => (doc ??= corpus.document(entry)),
      };
    },
  };
}
