import type { z } from 'zod';
import { ExportDocument } from './indicator-rows.js';
import { CorpusError, openCorpus } from '../store.js';

export interface CorpusRead<T = ExportDocument> {
  docs: T[];
  /** documents that could not be read, with why */
  problems: string[];
}

/**
 * The built documents of a corpus folder in index order, read (through the one corpus reader) with
 * the given schema — by default the parts the indicator export needs.
 */
export async function readCorpus<T = ExportDocument>(dir: string, schema: z.ZodType<T> = ExportDocument as unknown as z.ZodType<T>): Promise<CorpusRead<T>> {
  const corpus = await openCorpus(dir);
  const docs: T[] = [];
  const problems: string[] = [];
  for (const entry of corpus.built()) {
    try {
      docs.push(corpus.documentAs(entry, schema));
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
      problems.push(`${entry.id}: ${err.message}`);
    }
  }
  return { docs, problems };
}
