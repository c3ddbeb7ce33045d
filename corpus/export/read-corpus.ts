import type { z } from 'zod';
import { ExportDocument } from './indicator-rows.js';
import { openCorpus, readEach } from '../store.js';

export interface CorpusRead<T = ExportDocument> {
  docs: T[];
  /** documents that could not be read, with why */
  problems: string[];
}

/**
 * All the built documents of a corpus folder in index order, read (through the one corpus reader)
 * with the given schema — by default the parts the indicator export needs. It holds them all: for
 * a whole corpus, go through `readEach` one document at a time, as the exports do.
 */
export async function readCorpus<T = ExportDocument>(dir: string, schema: z.ZodType<T> = ExportDocument as unknown as z.ZodType<T>): Promise<CorpusRead<T>> {
  const corpus = await openCorpus(dir);
  const problems: string[] = [];
  const docs = [...readEach(corpus, schema, (id, message) => problems.push(`${id}: ${message}`))].map((r) => r.doc);
  return { docs, problems };
}
