import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ExportDocument } from './indicator-rows.js';

const IndexFile = z.looseObject({
  documents: z.array(z.looseObject({ id: z.string(), status: z.string(), output: z.string().nullable() })),
});

export interface CorpusRead<T = ExportDocument> {
  docs: T[];
  /** documents that could not be read, with why */
  problems: string[];
}

/**
 * The ok documents of a corpus folder (index.json and the document JSONs it lists), in index order,
 * read with the given schema (by default the parts the indicator export needs).
 */
export async function readCorpus<T = ExportDocument>(dir: string, schema: z.ZodType<T> = ExportDocument as unknown as z.ZodType<T>): Promise<CorpusRead<T>> {
  const index = IndexFile.parse(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')));
  const docs: T[] = [];
  const problems: string[] = [];
  for (const entry of index.documents) {
    if (entry.status !== 'ok' || entry.output === null) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(await readFile(join(dir, entry.output), 'utf8')));
      if (parsed.success) docs.push(parsed.data);
      else problems.push(`${entry.id}: ${z.prettifyError(parsed.error).split('\n')[0]}`);
    } catch (err) {
      problems.push(`${entry.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { docs, problems };
}
